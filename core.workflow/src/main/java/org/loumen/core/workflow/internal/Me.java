package org.loumen.core.workflow.internal;

import java.util.Optional;
import java.util.Set;

import org.loumen.security.Caller;
import org.loumen.security.Role;

/**
 * Who "I" am on the leaders' own routes ({@code /me/...}): my places are the nodes of my LEADER bindings (units and
 * buildings), my leader record is the one my account is linked to. The one place that reads either off a caller.
 */
final class Me {

    static final Set<Role> LEADER = Set.of(Role.LEADER);

    private Me() {
    }

    /** The nodes at which I am a leader (units, buildings), none below another. */
    static Set<String> places(Caller caller) {
        return caller.nodes(LEADER);
    }

    /** The leader record my account is linked to; empty for staff accounts and place-bound leader accounts. */
    static Optional<Long> leaderId(Caller caller) {
        return Optional.ofNullable(caller.leaderId());
    }
}
