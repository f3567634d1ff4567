package org.loumen.security;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The person behind a request (调用者), or an anonymous resident.
 *
 * @param username           the account, {@code null} when anonymous
 * @param displayName        the name shown to people, {@code null} when anonymous
 * @param bindings           the roles held, each at its node
 * @param mustChangePassword the password was set by someone else and must be changed before anything else is done
 * @param leaderId           the leader (楼门栋长) the account belongs to, whose assignments its bindings come from;
 *                           {@code null} for staff accounts and anonymous callers (since 1.2)
 */
public record Caller(String username, String displayName, List<RoleBinding> bindings, boolean mustChangePassword,
        Long leaderId) {

    /** A caller who has not signed in. */
    public static final Caller ANONYMOUS = new Caller(null, null, List.of(), false);

    public Caller {
        bindings = List.copyOf(Objects.requireNonNull(bindings, "bindings"));
    }

    /** A caller whose account is not a leader's. */
    public Caller(String username, String displayName, List<RoleBinding> bindings, boolean mustChangePassword) {
        this(username, displayName, bindings, mustChangePassword, null);
    }

    public boolean anonymous() {
        return username == null;
    }

    /** Whether the caller holds any of the roles anywhere. */
    public boolean holdsAny(Collection<Role> roles) {
        return bindings.stream().anyMatch(b -> roles.contains(b.role()));
    }

    /** Whether one of the caller's bindings with one of the roles covers the node. */
    public boolean covers(String node, Collection<Role> roles) {
        return bindings.stream().anyMatch(b -> roles.contains(b.role()) && b.covers(node));
    }

    /** The nodes at which the caller holds one of the roles; none of them lies below another. */
    public Set<String> nodes(Collection<Role> roles) {
        Set<String> nodes = new TreeSet<>();
        bindings.stream().filter(b -> roles.contains(b.role())).map(RoleBinding::node).sorted()
                .forEach(n -> {
                    if (nodes.stream().noneMatch(n::startsWith)) {
                        nodes.add(n);
                    }
                });
        return nodes;
    }
}
