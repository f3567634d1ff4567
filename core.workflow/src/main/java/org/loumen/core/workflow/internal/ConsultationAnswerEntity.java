package org.loumen.core.workflow.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;

/**
 * One household's answer to a consultation: by its code, or recorded door to door by a leader. The unique key on
 * (consultation, household) leaves exactly one answer however many arrive at once.
 */
@Entity
@Table(name = "WF_CONSULTATION_ANSWER", uniqueConstraints = @UniqueConstraint(
        name = "WF_CONSULTATION_ANSWER_HOUSEHOLD", columnNames = { "CONSULTATION_ID", "HOUSEHOLD_ID" }))
public class ConsultationAnswerEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "consultationAnswerIds")
    @TableGenerator(name = "consultationAnswerIds", table = "WF_SEQUENCE", pkColumnName = "NAME",
            valueColumnName = "NEXT_VALUE", pkColumnValue = "CONSULTATION_ANSWER", allocationSize = 50)
    @Column(name = "ID")
    Long id;

    @Column(name = "CONSULTATION_ID", nullable = false)
    long consultation;

    @Column(name = "HOUSEHOLD_ID", nullable = false)
    long household;

    /** The option's index (from 0), for OPTIONS. */
    @Column(name = "CHOICE")
    Integer choice;

    /** The free answer, for FREE. */
    @Column(name = "ANSWER_TEXT", length = 500)
    String text;

    /** {@code CODE} or {@code DOOR}. */
    @Column(name = "VIA", length = 8, nullable = false)
    String via;

    /** The leader's or secretary's account for a door-to-door answer; {@code null} by code. */
    @Column(name = "RECORDED_BY", length = 32)
    String recordedBy;

    @Column(name = "ANSWERED_AT", nullable = false)
    long answeredAt;
}
