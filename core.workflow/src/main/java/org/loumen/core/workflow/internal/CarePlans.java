package org.loumen.core.workflow.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.loumen.core.model.SpecialGroup;

/**
 * Visit plans (关爱走访计划): a tagged household is due a visit every so many days, the shortest interval of its tags;
 * a household never visited is due from the day the plan applies.
 */
final class CarePlans {

    private CarePlans() {
    }

    /** The interval in days for the household's tags, or 0 when it has none (no plan). */
    static int intervalDays(Set<SpecialGroup> tags, Map<SpecialGroup, Integer> intervals) {
        int days = 0;
        for (SpecialGroup g : tags) {
            int d = intervals.getOrDefault(g, 30);
            days = days == 0 ? d : Math.min(days, d);
        }
        return days;
    }

    /** When the next visit is due: the last visit plus the interval; today when never visited. */
    static LocalDate nextDue(LocalDate lastVisit, int intervalDays, LocalDate today) {
        return lastVisit == null ? today : lastVisit.plusDays(intervalDays);
    }

    static boolean overdue(LocalDate nextDue, LocalDate today) {
        return today.isAfter(nextDue);
    }
}
