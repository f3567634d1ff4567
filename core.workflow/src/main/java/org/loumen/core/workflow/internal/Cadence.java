package org.loumen.core.workflow.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;

/**
 * The meeting cadence (会议频次): a weekly meeting in every week and a summary meeting in every month. Only complete
 * weeks (Monday to Sunday) and months before today's count as missed; the current ones are still open.
 */
final class Cadence {

    private Cadence() {
    }

    /** How many of the {@code weeks} complete weeks before today's have no meeting held. */
    static int missedWeeks(Collection<LocalDate> held, LocalDate today, int weeks) {
        LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int missed = 0;
        for (int i = 1; i <= weeks; i++) {
            LocalDate from = thisMonday.minusWeeks(i);
            LocalDate to = from.plusDays(6);
            if (held.stream().noneMatch(d -> !d.isBefore(from) && !d.isAfter(to))) {
                missed++;
            }
        }
        return missed;
    }

    /** How many of the {@code months} complete months before today's have no meeting held. */
    static int missedMonths(Collection<LocalDate> held, LocalDate today, int months) {
        YearMonth current = YearMonth.from(today);
        int missed = 0;
        for (int i = 1; i <= months; i++) {
            YearMonth m = current.minusMonths(i);
            if (held.stream().noneMatch(d -> YearMonth.from(d).equals(m))) {
                missed++;
            }
        }
        return missed;
    }
}
