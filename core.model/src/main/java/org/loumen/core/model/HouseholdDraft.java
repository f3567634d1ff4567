package org.loumen.core.model;

import java.util.Set;

/** What a caller gives to create or change a household; {@code unit} is the unit's code. */
public record HouseholdDraft(String unit, String room, String headName, Integer members, String phone,
        Set<SpecialGroup> specialGroups) {
}
