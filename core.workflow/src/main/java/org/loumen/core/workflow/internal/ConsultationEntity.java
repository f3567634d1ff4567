package org.loumen.core.workflow.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/**
 * A unit consultation (楼门议事): a question put to the households of a unit or building for a period, answered once
 * per household, with options or in free words; the reports and meetings it led to are kept with it.
 */
@Entity
@Table(name = "WF_CONSULTATION", indexes = @Index(name = "WF_CONSULTATION_COMMUNITY", columnList = "COMMUNITY"))
public class ConsultationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "consultationIds")
    @TableGenerator(name = "consultationIds", table = "WF_SEQUENCE", pkColumnName = "NAME",
            valueColumnName = "NEXT_VALUE", pkColumnValue = "CONSULTATION", allocationSize = 10)
    @Column(name = "ID")
    Long id;

    /** The unit or building. */
    @Column(name = "PLACE", length = 24, nullable = false)
    String place;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    @Column(name = "QUESTION", length = 200, nullable = false)
    String question;

    /** {@code OPTIONS} or {@code FREE}. */
    @Column(name = "KIND", length = 8, nullable = false)
    String kind;

    /** The options, one a line (OPTIONS only). */
    @Column(name = "OPTIONS", length = 500)
    String options;

    @Column(name = "OPENS_ON", nullable = false)
    LocalDate opensOn;

    @Column(name = "CLOSES_ON", nullable = false)
    LocalDate closesOn;

    /** Set when closed before {@link #closesOn}. */
    @Column(name = "CLOSED_ON")
    LocalDate closedOn;

    @Column(name = "OPENED_BY", length = 32, nullable = false)
    String openedBy;

    /** The leader who opened it, when a leader did. */
    @Column(name = "LEADER_ID")
    Long leader;

    /** What it led to: {@code REPORT:12}, {@code MEETING:3}, one a line. */
    @Column(name = "LINKS", length = 1000)
    String links;
}
