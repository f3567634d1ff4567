package org.loumen.core.workflow.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

/** A semi-annual evaluation of one community's leaders; one per community and period. */
@Entity
@Table(name = "WF_EVALUATION", uniqueConstraints = @UniqueConstraint(name = "WF_EVALUATION_PERIOD",
        columnNames = { "COMMUNITY", "PERIOD" }))
public class EvaluationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "evaluationIds")
    @TableGenerator(name = "evaluationIds", table = "WF_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXT_VALUE",
            pkColumnValue = "EVALUATION", allocationSize = 10)
    @Column(name = "ID")
    Long id;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    /** {@code 2026-H1} or {@code 2026-H2}. */
    @Column(name = "PERIOD", length = 7, nullable = false)
    String period;

    /** OPEN or CLOSED. */
    @Column(name = "STATUS", length = 8, nullable = false)
    String status;

    @Column(name = "OPENED_AT", nullable = false)
    long openedAt;

    @Column(name = "OPENED_BY", length = 32, nullable = false)
    String openedBy;

    @Column(name = "CLOSED_AT")
    Long closedAt;

    /**
     * Whether its ratings are kept as running totals ({@link TallyEntity}): true from its opening on, or since the
     * running totals were filled in from its ratings ({@link Tallies#backfill}); null in a database from before.
     */
    @Column(name = "TALLIED")
    Boolean tallied;

    @Version
    @Column(name = "VERSION")
    long version;
}
