package org.loumen.security;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-client backoff (按客户端退避) against guessing: passwords at sign-in, ballot codes at voting. Failed attempts from
 * one address are counted over a window; after {@code freeFailures} of them each further attempt must wait twice as
 * long as the one before, up to {@code maxDelaySeconds}. A caller checks {@link #waitMillis} before the attempt and
 * refuses it (429) without looking at what was sent, so throttled attempts cost nothing and count toward nothing.
 * Successful attempts are never throttled by this class: only failures are recorded.
 *
 * <p>Thread-safe. Memory is bounded: the oldest clients are forgotten beyond {@link #MAX_CLIENTS}.
 *
 * @deprecated counts in one process only, so several nodes behind a proxy each allow the full number of guesses; and a
 *             stateful implementation does not belong in this API. The platform no longer uses it: use the
 *             {@code org.loumen.throttle.Throttles} service, kept in the database and shared by every node. Kept here
 *             until the next major version of this package so that programmes built against 1.x still resolve
 *             (removing it would make the package 2.0 and refuse every such programme at deploy).
 */
@Deprecated(since = "1.3", forRemoval = true)
public final class ClientBackoff {

    public static final int MAX_CLIENTS = 100_000;
    /** Failures older than this are forgotten. */
    public static final long WINDOW_MILLIS = 15 * 60_000L;

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

    public ClientBackoff(Clock clock, int freeFailures, int maxDelaySeconds) {
        this.clock = clock;
        this.freeFailures = Math.max(1, freeFailures);
        this.maxDelayMillis = Math.max(1, maxDelaySeconds) * 1000L;
    }

    /** Milliseconds the client must still wait before its next attempt; 0 when it may try now. */
    public synchronized long waitMillis(String client) {
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

    /** Records a failed attempt. */
    public synchronized void failed(String client) {
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

    /** How many clients are remembered. */
    public synchronized int size() {
        return clients.size();
    }
}
