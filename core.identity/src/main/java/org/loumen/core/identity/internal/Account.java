package org.loumen.core.identity.internal;

import java.util.List;

import org.loumen.security.Caller;
import org.loumen.security.RoleBinding;

/**
 * What {@link IdentityService} keeps in memory of an account to authenticate requests without a query. A leader's
 * account ({@code leaderId} set) stores no bindings: they are derived at each request.
 */
record Account(String username, String displayName, List<RoleBinding> bindings, boolean enabled,
        boolean mustChangePassword, Long leaderId) {

    static Account of(AccountEntity e) {
        return new Account(e.username(), e.displayName(), e.bindings(), e.enabled(), e.mustChangePassword(),
                e.leaderId());
    }

    Caller caller() {
        return caller(bindings);
    }

    /** The caller with the given bindings (a leader's, derived now). */
    Caller caller(List<RoleBinding> derived) {
        return new Caller(username, displayName, derived, mustChangePassword, leaderId);
    }
}
