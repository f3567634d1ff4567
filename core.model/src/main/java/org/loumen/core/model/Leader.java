package org.loumen.core.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A building leader (楼门栋长): a person and their assignments. Personal data: only staff within scope see this record;
 * the public directory shows {@link PublicLeader}.
 *
 * @param liaison also the party-building liaison (党建联络员, "一肩挑")
 * @param workId  the number of the work ID (工作证), issued after training; {@code null} until then
 */
public record Leader(long id, String name, Gender gender, LocalDate birthDate, Education education,
        boolean partyMember, String phone, Nomination nomination, boolean liaison, LeaderStatus status, String street,
        String community, String workId, List<Assignment> assignments, long version) {
}
