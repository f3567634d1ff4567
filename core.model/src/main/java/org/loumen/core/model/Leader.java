package org.loumen.core.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A building leader (楼门栋长): a person and their assignments. Personal data: only staff within scope see this record;
 * the public directory shows {@link PublicLeader}.
 *
 * @param liaison also the party-building liaison (党建联络员, "一肩挑")
 * @param workId  the number of the work ID (工作证), issued after training; {@code null} until then
 * @param phoneConsent the leader's consent to a public phone number, {@code null} when not given (since 1.3)
 */
public record Leader(long id, String name, Gender gender, LocalDate birthDate, Education education,
        boolean partyMember, String phone, Nomination nomination, boolean liaison, LeaderStatus status, String street,
        String community, String workId, List<Assignment> assignments, long version, PhoneConsent phoneConsent) {

    /** A leader without phone consent. */
    public Leader(long id, String name, Gender gender, LocalDate birthDate, Education education, boolean partyMember,
            String phone, Nomination nomination, boolean liaison, LeaderStatus status, String street,
            String community, String workId, List<Assignment> assignments, long version) {
        this(id, name, gender, birthDate, education, partyMember, phone, nomination, liaison, status, street,
                community, workId, assignments, version, null);
    }

    /** The phone as the public may see it: in full with the leader's consent, else masked. */
    public String publicPhone() {
        return phoneConsent != null ? phone : PublicLeader.maskPhone(phone);
    }
}
