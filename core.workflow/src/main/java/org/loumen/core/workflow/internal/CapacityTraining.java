package org.loumen.core.workflow.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The figures of capacity training (赋能培训) in one place: hours kept in tenths, and the coverage of serving leaders
 * (those with at least one session in the year), a percentage with two decimals, half up.
 */
final class CapacityTraining {

    /** A session lasts from half an hour to a working day: 0.5 to 8 hours, in steps of 0.1. */
    static final int MIN_TENTHS = 5;
    static final int MAX_TENTHS = 80;

    private CapacityTraining() {
    }

    /** Tenths of an hour, or -1 when the hours are not a multiple of 0.1 within the bounds. */
    static int tenths(BigDecimal hours) {
        if (hours == null) {
            return -1;
        }
        BigDecimal t = hours.multiply(BigDecimal.TEN);
        if (t.stripTrailingZeros().scale() > 0) {
            return -1;
        }
        int v = t.intValue();
        return v < MIN_TENTHS || v > MAX_TENTHS ? -1 : v;
    }

    static BigDecimal hours(long tenths) {
        return BigDecimal.valueOf(tenths, 1);
    }

    /** covered of serving as a percentage with two decimals; 0.00 when none serve. */
    static BigDecimal coverage(int covered, int serving) {
        if (serving == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(covered * 100L).divide(BigDecimal.valueOf(serving), 2, RoundingMode.HALF_UP);
    }
}
