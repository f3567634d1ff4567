package org.loumen.plugin.my.building.internal;

import java.util.EnumSet;
import java.util.Set;

import org.loumen.core.model.PublicLeader;
import org.loumen.programme.ProgrammeRequest;
import org.loumen.security.Role;
import org.loumen.web.ApiException;

/**
 * Who is acting, as far as a handler must tell apart callers the route admitted: staff (admins, secretaries), a
 * leader (an account linked to a leader record), or a steward (admitted by the programme role {@code STEWARD}).
 */
final class Who {

    static final Set<Role> STAFF = EnumSet.of(Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY);

    enum Actor {
        STAFF, LEADER, STEWARD
    }

    private Who() {
    }

    static Actor actor(ProgrammeRequest r) {
        if (r.caller().holdsAny(STAFF)) {
            return Actor.STAFF;
        }
        return r.caller().leaderId() != null ? Actor.LEADER : Actor.STEWARD;
    }

    /** Only the unit's leader or the secretary (or an admin above) decide about stewards and publish. */
    static void approver(ProgrammeRequest r) throws ApiException {
        if (actor(r) == Actor.STEWARD) {
            throw new ApiException(403, "forbidden", "仅楼门长或社区书记可以办理 / only the unit's leader or the "
                    + "community secretary may do this");
        }
    }

    static String by(ProgrammeRequest r) {
        return r.caller().username() == null ? "resident" : r.caller().username();
    }

    /** Whether an object of a community (or unit) is within the caller's part: either code may be the longer. */
    static boolean near(ProgrammeRequest r, String code) {
        return r.scopes().stream().anyMatch(s -> code.startsWith(s) || s.startsWith(code));
    }

    static ApiException notFound(String what, String whatEn, String field) {
        return new ApiException(404, "not-found", "未找到" + what + " / no such " + whatEn, field);
    }

    /** 138****1234: the core's one masking rule (a number of another length is masked too, never shown whole). */
    static String mask(String phone) {
        return PublicLeader.maskPhone(phone);
    }
}
