package org.loumen.core.notify.internal;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.loumen.notify.NotificationChannel;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The channels registered now, by their {@link NotificationChannel#ID}; they come and go with their bundles. */
@Component(service = ChannelRegistry.class)
public final class ChannelRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelRegistry.class);

    private final Map<String, NotificationChannel> channels = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addChannel(NotificationChannel channel, Map<String, Object> props) {
        Object id = props.get(NotificationChannel.ID);
        if (!(id instanceof String s) || s.isBlank() || s.length() > 60) {
            LOG.warn("A notification channel without a valid {} property is ignored", NotificationChannel.ID);
            return;
        }
        channels.put(s, channel);
    }

    void removeChannel(NotificationChannel channel, Map<String, Object> props) {
        Object id = props.get(NotificationChannel.ID);
        if (id instanceof String s) {
            channels.remove(s, channel);
        }
    }

    Optional<NotificationChannel> channel(String id) {
        return Optional.ofNullable(channels.get(id));
    }

    /** Every channel by id, sorted. */
    Map<String, NotificationChannel> all() {
        return new TreeMap<>(channels);
    }
}
