package org.loumen.core.identity.internal;

import java.util.List;

import org.loumen.security.Caller;
import org.loumen.security.RoleBinding;

/** What {@link IdentityService} keeps in memory of an account to authenticate requests without a query. */
record Account(String username, String displayName, List<RoleBinding> bindings, boolean enabled,
        boolean mustChangePassword) {

    static Account of(AccountEntity e) {
        return new Account(e.username(), e.displayName(), e.bindings(), e.enabled(), e.mustChangePassword());
    }

    Caller caller() {
        return new Caller(username, displayName, bindings, mustChangePassword);
    }
}
