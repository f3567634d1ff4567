package org.loumen.core.identity.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.loumen.core.model.ChinaTime;
import org.loumen.core.model.Assignment;
import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderRole;
import org.loumen.core.model.LeaderStatus;
import org.loumen.security.Role;
import org.loumen.security.RoleBinding;

/**
 * The roles of a leader's account (楼门栋长账号的权限), derived from the leader record, never stored: LEADER at the unit
 * of each unit-leader assignment in force and at the building of each building-leader assignment in force, and only
 * while the leader is IN_SERVICE. A leader in any other status holds nothing and may not sign in.
 */
final class LeaderBindings {

    /** Days of assignments are China's days, like the leader records'. */
    static final ZoneId CHINA = ChinaTime.ZONE;

    private LeaderBindings() {
    }

    /** Whether the leader may sign in: the record exists and the leader is in service. */
    static boolean inService(Leader leader) {
        return leader != null && leader.status() == LeaderStatus.IN_SERVICE;
    }

    /** The bindings on the day, in code order; none when the leader is not in service. */
    static List<RoleBinding> of(Leader leader, LocalDate day) {
        if (!inService(leader)) {
            return List.of();
        }
        TreeSet<String> nodes = new TreeSet<>();
        for (Assignment a : leader.assignments()) {
            if (!a.activeOn(day)) {
                continue;
            }
            String node = a.role() == LeaderRole.UNIT_LEADER ? a.unit() : a.building();
            if (node != null) {
                nodes.add(node);
            }
        }
        List<RoleBinding> out = new ArrayList<>();
        // a building covers its units: a unit below a building already held adds nothing
        for (String n : nodes) {
            if (out.stream().noneMatch(b -> b.covers(n))) {
                out.add(new RoleBinding(Role.LEADER, n));
            }
        }
        return List.copyOf(out);
    }

    static List<RoleBinding> today(Leader leader) {
        return of(leader, LocalDate.now(CHINA));
    }

    /**
     * What a manager must be able to grant to manage the account: LEADER at the leader's community, which every place
     * of the leader lies in, so a secretary manages the accounts of their community's leaders in any status.
     */
    static RoleBinding managedAt(Leader leader) {
        return new RoleBinding(Role.LEADER, leader.community());
    }
}
