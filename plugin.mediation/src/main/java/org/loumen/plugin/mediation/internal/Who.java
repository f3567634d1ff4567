package org.loumen.plugin.mediation.internal;

import java.util.EnumSet;
import java.util.Set;

import org.loumen.programme.ProgrammeRequest;
import org.loumen.security.Role;
import org.loumen.web.GrantedRoles;

/**
 * Who may see what, in one place. Cases: the street (its admin, the district admin), the community's secretary, and
 * the mediator of the case's pairing while they hold 人民调解员 at its community. Pairings and screening records also:
 * the paired leader, for their own.
 */
final class Who {

    static final String GRANT = "mediation:" + Mediation.MEDIATOR.id();
    static final Set<Role> STREET = EnumSet.of(Role.DISTRICT_ADMIN, Role.STREET_ADMIN);
    static final Set<Role> STAFF = EnumSet.of(Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY);

    private final GrantedRoles grants;

    Who(GrantedRoles grants) {
        this.grants = grants;
    }

    /** The street's admin or the district admin. */
    static boolean street(ProgrammeRequest r) {
        return r.caller().covers(r.street(), STREET);
    }

    /** Staff whose core role covers the community (street, district, the community's secretary). */
    static boolean staff(ProgrammeRequest r, String community) {
        return r.caller().covers(community, STAFF) && r.inScope(community);
    }

    /** Whether an account holds 人民调解员 at the community now. */
    boolean mediatorAt(String username, String community) {
        return username != null && grants.grantsOf(username).stream()
                .anyMatch(g -> g.role().equals(GRANT) && community.startsWith(g.node()));
    }

    /** The caller is the pairing's mediator and still holds the role there. */
    boolean mediatorOf(ProgrammeRequest r, PairingEntity p) {
        return p.mediator != null && p.mediator.equals(r.caller().username()) && mediatorAt(p.mediator, p.community);
    }

    /** The caller's account is the pairing's leader. */
    static boolean leaderOf(ProgrammeRequest r, PairingEntity p) {
        Long me = r.caller().leaderId();
        return me != null && me == p.leader;
    }

    /** Cases and their steps: the street, the community's secretary, the pairing's mediator. */
    boolean seesCase(ProgrammeRequest r, PairingEntity p) {
        return staff(r, p.community) || mediatorOf(r, p);
    }

    /** Pairings and screening records: those who see its cases, and its leader. */
    boolean seesPairing(ProgrammeRequest r, PairingEntity p) {
        return seesCase(r, p) || leaderOf(r, p);
    }
}
