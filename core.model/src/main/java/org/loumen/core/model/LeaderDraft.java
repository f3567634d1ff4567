package org.loumen.core.model;

import java.time.LocalDate;
import java.util.List;

/**
 * What a caller gives to create or change a leader. Every field is required on create.
 *
 * @param assignments where the leader serves; each names a unit (unit leader) or a building (building leader) by code
 */
public record LeaderDraft(String name, Gender gender, LocalDate birthDate, Education education, Boolean partyMember,
        String phone, Nomination nomination, Boolean liaison, String community, List<Place> assignments) {

    /** One charge: {@code place} is a unit code for a unit leader, a building code for a building leader. */
    public record Place(LeaderRole role, String place, LocalDate start) {
    }
}
