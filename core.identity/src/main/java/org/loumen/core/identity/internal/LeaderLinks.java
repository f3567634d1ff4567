package org.loumen.core.identity.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderQuery;
import org.loumen.core.model.LeaderService;
import org.loumen.security.RoleBinding;

/**
 * What {@link IdentityService} reads of the leader records behind leaders' accounts, through core.model's
 * {@link LeaderService}: the bindings an account holds now ({@link LeaderBindings}) and where a manager finds it.
 */
final class LeaderLinks {

    private final LeaderService leaders;

    LeaderLinks(LeaderService leaders) {
        this.leaders = leaders;
    }

    /** The bindings now; empty when the leader is not in service (or no longer recorded): no sign-in, no session. */
    Optional<List<RoleBinding>> bindings(long leaderId) {
        Leader leader = leaders.leader(leaderId).orElse(null);
        return LeaderBindings.inService(leader) ? Optional.of(LeaderBindings.today(leader)) : Optional.empty();
    }

    /** A leader's account shown with the bindings it holds now; any other account as it is. */
    UserView view(UserView v) {
        if (v.leaderId() == null) {
            return v;
        }
        List<UserView.BindingView> derived = bindings(v.leaderId()).orElse(List.of()).stream()
                .map(UserView.BindingView::of).toList();
        return new UserView(v.username(), v.displayName(), derived, v.enabled(), v.mustChangePassword(),
                v.lockedUntil(), v.lastLoginAt(), v.createdAt(), v.createdBy(), v.version(), v.leaderId());
    }

    /** What a manager must be able to grant to manage the account ({@link LeaderBindings#managedAt}). */
    Optional<RoleBinding> managedAt(long leaderId) {
        return leaders.leader(leaderId).map(LeaderBindings::managedAt);
    }

    /** leader id → community of the leaders within the scopes, for listing their accounts. */
    Map<Long, String> communities(Set<String> scopes) {
        Map<Long, String> out = new HashMap<>();
        leaders.find(scopes, LeaderQuery.of(null, null, null), 1, Integer.MAX_VALUE, "id").items()
                .forEach(l -> out.put(l.id(), l.community()));
        return out;
    }
}
