package org.loumen.core.model;

import java.util.Set;

/**
 * A household (户): one evaluation vote per period. Personal and sensitive: the special-group tags go only to the
 * roles that care for those households, never to public output.
 */
public record Household(long id, String street, String community, String building, String buildingLabel, String unit,
        String unitLabel, String room, String headName, int members, String phone, Set<SpecialGroup> specialGroups,
        long version) {

    /** The same household without its special-group tags, for roles that do not need them. */
    public Household withoutTags() {
        return new Household(id, street, community, building, buildingLabel, unit, unitLabel, room, headName, members,
                phone, null, version);
    }
}
