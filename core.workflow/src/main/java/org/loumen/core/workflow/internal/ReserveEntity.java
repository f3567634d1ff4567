package org.loumen.core.workflow.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;

/**
 * A leader in the reserve (储备队伍) for the residents' committee's sub-committees of their community: entered by an
 * award (with its certificate number) or added with a reason; appointed once to a sub-committee. One entry per leader
 * and community (the unique key keeps parallel additions to one).
 */
@Entity
@Table(name = "WF_RESERVE", uniqueConstraints = @UniqueConstraint(name = "WF_RESERVE_LEADER",
        columnNames = { "COMMUNITY", "LEADER_ID" }))
public class ReserveEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "reserveIds")
    @TableGenerator(name = "reserveIds", table = "WF_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXT_VALUE",
            pkColumnValue = "RESERVE", allocationSize = 20)
    @Column(name = "ID")
    Long id;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    @Column(name = "LEADER_ID", nullable = false)
    long leader;

    /** {@code AWARD} or {@code MANUAL}. */
    @Column(name = "SOURCE", length = 8, nullable = false)
    String source;

    /** The award's certificate number when entered by an award. */
    @Column(name = "AWARD_NO", length = 40)
    String award;

    @Column(name = "REASON", length = 500)
    String reason;

    @Column(name = "ADDED_BY", length = 32, nullable = false)
    String addedBy;

    @Column(name = "ADDED_ON", nullable = false)
    LocalDate addedOn;

    /** The sub-committee's key once appointed, else {@code null}. */
    @Column(name = "APPOINTED_TO", length = 32)
    String appointedTo;

    @Column(name = "APPOINTED_ON")
    LocalDate appointedOn;

    @Column(name = "APPOINTED_BY", length = 32)
    String appointedBy;
}
