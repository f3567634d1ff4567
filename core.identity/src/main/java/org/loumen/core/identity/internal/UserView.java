package org.loumen.core.identity.internal;

import java.time.Instant;
import java.util.List;

import org.loumen.security.RoleBinding;

/**
 * An account as the API shows it. Never carries the password hash.
 *
 * @param lockedUntil set while sign-in is locked after repeated failures
 * @param leaderId    the leader a leader's account belongs to, else null; such an account's bindings are derived
 */
record UserView(String username, String displayName, List<BindingView> bindings, boolean enabled,
        boolean mustChangePassword, Instant lockedUntil, Instant lastLoginAt, Instant createdAt, String createdBy,
        long version, Long leaderId) {

    /** A role at a node, with the role's Chinese name. */
    record BindingView(String role, String roleName, String node) {
        static BindingView of(RoleBinding b) {
            return new BindingView(b.role().name(), b.role().zh(), b.node());
        }
    }

    static UserView of(AccountEntity a, LoginStateEntity state) {
        return of(a, state, a.bindings());
    }

    /** The view with the given bindings: a leader's account shows those derived from the leader record. */
    static UserView of(AccountEntity a, LoginStateEntity state, List<RoleBinding> bindings) {
        return new UserView(a.username(), a.displayName(), bindings.stream().map(BindingView::of).toList(),
                a.enabled(), a.mustChangePassword(), instant(state == null ? 0 : state.lockedUntil()),
                instant(state == null ? 0 : state.lastLoginAt()), Instant.ofEpochMilli(a.createdAt()),
                a.createdBy(), a.version(), a.leaderId());
    }

    private static Instant instant(long millis) {
        return millis <= 0 ? null : Instant.ofEpochMilli(millis);
    }
}
