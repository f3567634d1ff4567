package org.loumen.core.workflow.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The evaluation rule (评议规则): satisfaction = (satisfied + fairly satisfied) / ballots x 100, rounded half-up to two
 * decimals; 60.00 or more retains the leader, less means not re-appointed (不再选任), and fewer ballots than the
 * minimum decide nothing.
 */
final class Satisfaction {

    static final BigDecimal THRESHOLD = new BigDecimal("60.00");

    enum Outcome {
        RETAINED, NOT_REAPPOINTED, INSUFFICIENT_BALLOTS
    }

    private Satisfaction() {
    }

    /** {@code null} when there are no ballots. */
    static BigDecimal percent(int satisfied, int fairly, int ballots) {
        if (ballots == 0) {
            return null;
        }
        return BigDecimal.valueOf((long) satisfied + fairly).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(ballots), 2, RoundingMode.HALF_UP);
    }

    static Outcome outcome(BigDecimal percent, int ballots, int minimumBallots) {
        if (ballots == 0 || ballots < minimumBallots) {
            return Outcome.INSUFFICIENT_BALLOTS;
        }
        return percent.compareTo(THRESHOLD) >= 0 ? Outcome.RETAINED : Outcome.NOT_REAPPOINTED;
    }
}
