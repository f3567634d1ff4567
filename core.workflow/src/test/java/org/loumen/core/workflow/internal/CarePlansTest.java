package org.loumen.core.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.loumen.core.model.SpecialGroup;

class CarePlansTest {

    static final Map<SpecialGroup, Integer> DAYS = Map.of(SpecialGroup.ELDERLY_LIVING_ALONE, 7,
            SpecialGroup.LOW_INCOME, 30);

    @Test
    void theShortestIntervalOfTheTagsApplies() {
        assertEquals(7, CarePlans.intervalDays(EnumSet.of(SpecialGroup.ELDERLY_LIVING_ALONE, SpecialGroup.LOW_INCOME),
                DAYS));
        assertEquals(30, CarePlans.intervalDays(EnumSet.of(SpecialGroup.LOW_INCOME), DAYS));
        assertEquals(0, CarePlans.intervalDays(EnumSet.noneOf(SpecialGroup.class), DAYS), "no tag, no plan");
    }

    @Test
    void dueAfterTheIntervalAndOverdueTheDayAfter() {
        LocalDate today = LocalDate.of(2026, 11, 26);
        assertEquals(today, CarePlans.nextDue(null, 7, today), "never visited: due now");
        LocalDate next = CarePlans.nextDue(LocalDate.of(2026, 11, 19), 7, today);
        assertEquals(today, next);
        assertFalse(CarePlans.overdue(next, today), "due today is not yet overdue");
        assertTrue(CarePlans.overdue(next, today.plusDays(1)));
    }
}
