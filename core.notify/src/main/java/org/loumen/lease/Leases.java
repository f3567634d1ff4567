package org.loumen.lease;

import java.time.Duration;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Named leases held in the database, one holder at a time. Provided by the platform. This node's identity is
 * {@link #self()}; a lease taken again by its holder is renewed.
 */
@ProviderType
public interface Leases {

    /**
     * Takes or renews the lease for {@code ttl} when it is free, expired, or already this node's.
     *
     * @param name a name of at most 60 characters, e.g. {@code notify.scan}
     * @return whether this node now holds it
     */
    boolean acquire(String name, Duration ttl);

    /** Gives the lease up if this node holds it. */
    void release(String name);

    /** The current holder, if the lease is held and not expired. */
    Optional<String> holder(String name);

    /** This node's identity as a holder (host name and a random part, new at every start). */
    String self();
}
