package org.loumen.core.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class CadenceTest {

    static final LocalDate THURSDAY = LocalDate.of(2026, 11, 26);

    @Test
    void completeWeeksWithoutAMeetingAreMissed() {
        assertEquals(4, Cadence.missedWeeks(List.of(), THURSDAY, 4));
        // held on the Monday and the Sunday of the last two complete weeks; this week does not count yet
        List<LocalDate> held = List.of(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 15), THURSDAY);
        assertEquals(2, Cadence.missedWeeks(held, THURSDAY, 4));
        assertEquals(0, Cadence.missedWeeks(held, THURSDAY, 2));
    }

    @Test
    void completeMonthsWithoutAMeetingAreMissed() {
        assertEquals(3, Cadence.missedMonths(List.of(THURSDAY), THURSDAY, 3), "this month is still open");
        assertEquals(1, Cadence.missedMonths(List.of(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 9, 1)),
                THURSDAY, 3));
    }
}
