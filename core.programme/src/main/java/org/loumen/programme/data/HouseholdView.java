package org.loumen.programme.data;

import java.util.Set;

/**
 * A household (户) as a programme sees it (needs {@link PersonalData#HOUSEHOLDS}). {@code specialGroups} is
 * {@code null} unless {@link PersonalData#HOUSEHOLD_GROUPS} is declared and the caller's role cares for the
 * household.
 *
 * @param id            the household's id
 * @param unit          the unit's code ({@code …B003U02})
 * @param room          the room
 * @param headName      the head of the household
 * @param members       how many people live there
 * @param phone         the phone number
 * @param specialGroups special-group tag names ({@code ELDERLY_ALONE}...), or {@code null}
 */
public record HouseholdView(long id, String unit, String room, String headName, int members, String phone,
        Set<String> specialGroups) {
}
