package org.loumen.core.workflow.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * The running total of one evaluation's ratings of one leader (选票累计): kept in the ballots' own transactions
 * ({@link Tallies}), so it is exactly as durable as the ballots, and a tally reads one row per leader instead of
 * counting every rating.
 */
@Entity
@Table(name = "WF_TALLY", indexes = @Index(name = "WF_TALLY_EVALUATION", columnList = "EVALUATION"))
public class TallyEntity {

    /** Evaluation id + ":" + leader id. */
    @Id
    @Column(name = "ID", length = 41)
    String id;

    @Column(name = "EVALUATION", nullable = false)
    long evaluation;

    @Column(name = "LEADER_ID", nullable = false)
    long leader;

    @Column(name = "SATISFIED", nullable = false)
    long satisfied;

    @Column(name = "FAIRLY_SATISFIED", nullable = false)
    long fairlySatisfied;

    @Column(name = "DISSATISFIED", nullable = false)
    long dissatisfied;
}
