package org.loumen.security;

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
}
