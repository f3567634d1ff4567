package org.loumen.plugin.volunteer.brands.internal;

import java.util.EnumSet;
import java.util.Set;

import org.loumen.programme.ProgrammeRequest;
import org.loumen.security.Role;

/**
 * Who may do what with a brand, in one place. The platform has already admitted the caller to the street; here:
 * <ul>
 * <li>staff (district and street admins, the community's secretary) manage the brands of their communities;</li>
 * <li>the brand's lead (带头人: its founding leader, signed in with their leader account) manages its members,
 * activities and hours;</li>
 * <li>a leader who is a member sees the brand's members, activities and ranking and reports their own hours;</li>
 * <li>other leaders see the brands of their community.</li>
 * </ul>
 */
final class Who {

    static final Set<Role> STAFF = EnumSet.of(Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY);

    private Who() {
    }

    /** Staff whose scope holds the community. */
    static boolean staff(ProgrammeRequest r, String community) {
        return r.inScope(community) && r.caller().covers(community, STAFF);
    }

    /** The caller works in the community: it lies in one of their scopes, or one of their scopes lies in it. */
    static boolean inCommunity(ProgrammeRequest r, String community) {
        return r.scopes().stream().anyMatch(s -> s.startsWith(community) || community.startsWith(s));
    }

    /** The caller is the brand's lead: its founding leader, in the brand's community. */
    static boolean lead(ProgrammeRequest r, BrandEntity b) {
        Long me = r.caller().leaderId();
        return me != null && me.equals(b.founder) && inCommunity(r, b.community);
    }

    static boolean manages(ProgrammeRequest r, BrandEntity b) {
        return staff(r, b.community) || lead(r, b);
    }

    /** The caller's own member record in the brand (active or not), or {@code null}. */
    static MemberEntity self(ProgrammeRequest r, BrandEntity b, Iterable<MemberEntity> members) {
        Long me = r.caller().leaderId();
        if (me == null || !inCommunity(r, b.community)) {
            return null;
        }
        for (MemberEntity m : members) {
            if (m.brand == b.id && me.equals(m.leader)) {
                return m;
            }
        }
        return null;
    }

    /** Sees the brand in the list. */
    static boolean sees(ProgrammeRequest r, BrandEntity b) {
        return b.street.equals(r.street()) && (staff(r, b.community) || inCommunity(r, b.community));
    }
}
