package org.loumen.core.workflow;

import java.math.BigDecimal;

/**
 * One leader's result in a closed semi-annual evaluation (半年评议).
 *
 * @param evaluation          the evaluation's id
 * @param community           the community code
 * @param period              the period, e.g. {@code 2026H1}
 * @param leader              the leader's id
 * @param ballots             how many households rated the leader
 * @param satisfactionPercent satisfied and fairly satisfied among the ballots, in percent with two decimals;
 *                            {@code null} without ballots
 * @param outcome             {@code RETAINED}, {@code NOT_REAPPOINTED} (below 60%: 不再选任) or
 *                            {@code INSUFFICIENT_BALLOTS}
 */
public record EvaluationOutcome(long evaluation, String community, String period, long leader, int ballots,
        BigDecimal satisfactionPercent, String outcome) {
}
