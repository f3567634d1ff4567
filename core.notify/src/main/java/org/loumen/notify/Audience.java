package org.loumen.notify;

import java.util.List;

import org.loumen.security.RoleBinding;

/**
 * Who hears a notice (接收人): the accounts holding each role exactly at its node (e.g. the secretaries of community
 * {@code 120112103001}: {@code COMMUNITY_SECRETARY@120112103001}), the accounts of leaders by id, and accounts by
 * username. Accounts that do not exist or are disabled are left out.
 *
 * @param roles     roles at nodes
 * @param leaders   leaders (楼门栋长) by id: their accounts, when issued
 * @param usernames accounts by name
 */
public record Audience(List<RoleBinding> roles, List<Long> leaders, List<String> usernames) {

    public Audience {
        roles = roles == null ? List.of() : List.copyOf(roles);
        leaders = leaders == null ? List.of() : List.copyOf(leaders);
        usernames = usernames == null ? List.of() : List.copyOf(usernames);
    }

    /** The holders of these roles. */
    public static Audience of(RoleBinding... roles) {
        return new Audience(List.of(roles), List.of(), List.of());
    }

    /** These accounts. */
    public static Audience users(String... usernames) {
        return new Audience(List.of(), List.of(), List.of(usernames));
    }
}
