package org.loumen.core.model;

import java.time.LocalDate;

/**
 * A leader's charge: a unit (楼门长) or a whole building (栋长), with dates.
 *
 * @param unit  the unit's code for a unit leader, {@code null} for a building leader
 * @param start when it began; {@code null} if unknown (counted as in service)
 * @param end   when it ended; {@code null} while it lasts
 */
public record Assignment(LeaderRole role, String building, String buildingLabel, String unit, String unitLabel,
        LocalDate start, LocalDate end) {

    /** Whether the assignment is in force on the day. */
    public boolean activeOn(LocalDate day) {
        return (start == null || !start.isAfter(day)) && (end == null || end.isAfter(day));
    }
}
