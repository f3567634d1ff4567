package org.loumen.core.identity.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-client backoff for sign-in (按客户端退避). Failed attempts from one address are counted over a window; after
 * {@code freeFailures} of them each further attempt must wait twice as long as the one before, up to
 * {@code maxDelaySeconds}. A throttled attempt is refused before any password is checked, so it does not count
 * toward any account's lockout: one client cannot cheaply lock everybody out.
 *
 * <p>Memory is bounded: the oldest clients are forgotten beyond {@link #MAX_CLIENTS}.
 */
final class ClientThrottle {

    static final int MAX_CLIENTS = 100_000;
    /** Failures older than this are forgotten. */
    static final long WINDOW_MILLIS = 15 * 60_000L;

    private static final class Entry {
        int failures;
        long lastFailure;
        long notBefore;
    }

    private final Clock clock;
    private final int freeFailures;
    private final long maxDelayMillis;
    private final Map<String, Entry> clients = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    ClientThrottle(Clock clock, int freeFailures, int maxDelaySeconds) {
        this.clock = clock;
        this.freeFailures = Math.max(1, freeFailures);
        this.maxDelayMillis = Math.max(1, maxDelaySeconds) * 1000L;
    }

    /** Milliseconds the client must still wait; 0 when it may try now. */
    synchronized long waitMillis(String client) {
        Entry e = clients.get(client);
        if (e == null) {
            return 0;
        }
        long now = clock.millis();
        if (now - e.lastFailure > WINDOW_MILLIS) {
            clients.remove(client);
            return 0;
        }
        return Math.max(0, e.notBefore - now);
    }

    synchronized void failed(String client) {
        long now = clock.millis();
        Entry e = clients.computeIfAbsent(client, k -> new Entry());
        if (now - e.lastFailure > WINDOW_MILLIS) {
            e.failures = 0;
            e.notBefore = 0;
        }
        e.failures++;
        e.lastFailure = now;
        int over = e.failures - freeFailures;
        if (over > 0) {
            long delay = Math.min(maxDelayMillis, 1000L << Math.min(over - 1, 20));
            e.notBefore = now + delay;
        }
    }

    synchronized int size() {
        return clients.size();
    }
}
