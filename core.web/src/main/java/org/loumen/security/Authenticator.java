package org.loumen.security;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Turns a bearer token into its caller. Provided by the core's identity bundle, used by the API dispatcher. */
@ProviderType
public interface Authenticator {

    /**
     * The caller a token was issued to, with their current roles. Using a token restarts its idle timer.
     *
     * @return empty when the token is unknown, expired, revoked, or its account is disabled
     */
    Optional<Caller> authenticate(String token);
}
