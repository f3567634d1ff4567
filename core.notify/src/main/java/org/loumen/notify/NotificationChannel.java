package org.loumen.notify;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way out of the platform (通知渠道): a webhook, e-mail, or a district's own SMS gateway. Register it as a service with
 * the property {@link #ID} (unique, e.g. {@code webhook.street-103}); the platform hands it deliveries on a worker
 * thread, never on a request's path, at least once each.
 *
 * <p>A <em>group</em> channel ({@link #personal()} false, e.g. a DingTalk group robot) gets one delivery per notice
 * that it {@link #accepts accepts}; a <em>personal</em> channel gets one per recipient who chose it and gave an
 * address. Secrets stay in the channel's configuration: never put them in exceptions' messages (they are shown to
 * district IT in the dead-letter list).
 */
@ConsumerType
public interface NotificationChannel {

    /** Service property: the channel's id ({@code String}). */
    String ID = "loumen.notify.channel";

    /** Whether deliveries go to each recipient's own address rather than once to a group. */
    boolean personal();

    /** Whether this channel carries the notice (e.g. a street's robot only its street's notices). */
    default boolean accepts(Notice notice) {
        return true;
    }

    /**
     * Whether the channel can deliver now. A channel that is not ready (its configuration is wrong) is handed nothing:
     * its deliveries wait, without using up their attempts, until it is ready again. Say why in a
     * {@code org.loumen.web.HealthCheck}.
     */
    default boolean ready() {
        return true;
    }

    /**
     * Delivers one message.
     *
     * @throws DeliveryException when it did not go through (retried later)
     */
    void deliver(Message message) throws DeliveryException;
}
