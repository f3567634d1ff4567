package org.loumen.notify;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Publishes notices (发布通知). Provided by the platform. Publishing writes the recipients' inbox entries and the
 * channel deliveries in one transaction and returns: nothing is sent on the caller's thread.
 */
@ProviderType
public interface Notifier {

    /**
     * Publishes the notice to the audience, once per key.
     *
     * @return how many accounts received it; 0 when the key was published before (or nobody was found)
     */
    int publish(Notice notice, Audience audience);
}
