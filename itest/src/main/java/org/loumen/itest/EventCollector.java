package org.loumen.itest;

import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Collects the Event Admin events of some topics while a test runs: every event in {@link #seen()} and, in the order
 * they came, through {@link #poll}. Close it (or unregister at the end of the test) to stop listening.
 */
final class EventCollector implements AutoCloseable {

    private final List<Event> seen = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    private final ServiceRegistration<EventHandler> registration;

    private EventCollector(BundleContext context, String... topics) {
        EventHandler handler = event -> {
            seen.add(event);
            queue.add(event);
        };
        registration = context.registerService(EventHandler.class, handler,
                new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, topics)));
    }

    /** Starts collecting the events of these topics (a {@code *} suffix matches a family). */
    static EventCollector listen(BundleContext context, String... topics) {
        return new EventCollector(context, topics);
    }

    /** Every event collected so far (a live view). */
    List<Event> seen() {
        return Collections.unmodifiableList(seen);
    }

    /** The next event not yet polled, waiting up to the timeout; {@code null} when none came. */
    Event poll(long timeout, TimeUnit unit) throws InterruptedException {
        return queue.poll(timeout, unit);
    }

    @Override
    public void close() {
        registration.unregister();
    }
}
