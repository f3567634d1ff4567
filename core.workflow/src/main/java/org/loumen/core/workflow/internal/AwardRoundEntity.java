package org.loumen.core.workflow.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

/** A selection round of excellent leaders (优秀楼门栋长评选) at district or street level, with its rules. */
@Entity
@Table(name = "WF_AWARD_ROUND", uniqueConstraints = @UniqueConstraint(name = "WF_AWARD_ROUND_NODE",
        columnNames = { "NODE", "PERIOD" }))
public class AwardRoundEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "roundIds")
    @TableGenerator(name = "roundIds", table = "WF_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXT_VALUE",
            pkColumnValue = "AWARD_ROUND", allocationSize = 10)
    @Column(name = "ID")
    Long id;

    /** The district or street code the round selects in. */
    @Column(name = "NODE", length = 9, nullable = false)
    String node;

    /** The year, e.g. 2026: the evaluations of its halves count. */
    @Column(name = "PERIOD", length = 4, nullable = false)
    String period;

    @Column(name = "MIN_SATISFACTION", precision = 5, scale = 2, nullable = false)
    BigDecimal minSatisfaction;

    @Column(name = "MIN_REPORTS", nullable = false)
    int minReportsHandled;

    /** OPEN or DECIDED. */
    @Column(name = "STATUS", length = 8, nullable = false)
    String status;

    @Column(name = "DECIDED_ON")
    LocalDate decidedOn;

    @Column(name = "DECIDED_BY", length = 32)
    String decidedBy;

    @Column(name = "DECISION", length = 1000)
    String decision;

    @Version
    @Column(name = "VERSION")
    long version;
}
