package org.loumen.security;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Which accounts exist (账号目录), for components that name an account they do not own, e.g. a programme role granted
 * to a username. Provided by the core's identity bundle.
 *
 * @since 1.2
 */
@ProviderType
public interface AccountDirectory {

    /** Whether an account with this username exists (enabled or not). */
    boolean exists(String username);

    /**
     * The enabled accounts that hold the role bound exactly at the node (e.g. the secretaries of a community), by
     * username. Leaders' roles are derived, not bound: see {@link #leaderAccount(long)}.
     *
     * @since 1.3
     */
    default List<String> holders(Role role, String node) {
        return List.of();
    }

    /**
     * The enabled account of a leader (楼门栋长账号), if one was issued.
     *
     * @since 1.3
     */
    default Optional<String> leaderAccount(long leader) {
        return Optional.empty();
    }
}
