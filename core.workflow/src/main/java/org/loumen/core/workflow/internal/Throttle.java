package org.loumen.core.workflow.internal;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sliding-window limits (限流) such as "5 reports an hour from one address and 30 a day on one unit". A request takes
 * a slot under every limit that applies in one step or none at all, so parallel requests never pass a limit; a slot
 * is given back when what it was taken for did not happen. Memory is bounded: the least recently used keys are
 * forgotten beyond {@link #MAX_KEYS}. Thread-safe.
 */
final class Throttle {

    static final int MAX_KEYS = 100_000;

    /** A limit on one key: at most {@code max} in any {@code windowMillis}. */
    record Limit(String key, int max, long windowMillis) {
    }

    private final Clock clock;
    private final Map<String, ArrayDeque<Long>> taken = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ArrayDeque<Long>> eldest) {
            return size() > MAX_KEYS;
        }
    };

    Throttle(Clock clock) {
        this.clock = clock;
    }

    /**
     * Takes a slot under every limit, or none.
     *
     * @return 0 when taken, else the milliseconds until a slot frees under the limit that refused
     */
    synchronized long acquire(Limit... limits) {
        long now = clock.millis();
        long wait = 0;
        for (Limit l : limits) {
            ArrayDeque<Long> q = prune(l, now);
            if (q.size() >= l.max()) {
                wait = Math.max(wait, q.peekFirst() + l.windowMillis() - now);
            }
        }
        if (wait > 0) {
            return wait;
        }
        for (Limit l : limits) {
            taken.computeIfAbsent(l.key(), k -> new ArrayDeque<>()).addLast(now);
        }
        return 0;
    }

    /** Gives back the newest slot under each limit (after a failure to store what it was taken for). */
    synchronized void release(Limit... limits) {
        for (Limit l : limits) {
            ArrayDeque<Long> q = taken.get(l.key());
            if (q != null && !q.isEmpty()) {
                q.removeLast();
            }
        }
    }

    private ArrayDeque<Long> prune(Limit l, long now) {
        ArrayDeque<Long> q = taken.computeIfAbsent(l.key(), k -> new ArrayDeque<>());
        while (!q.isEmpty() && q.peekFirst() + l.windowMillis() <= now) {
            q.removeFirst();
        }
        return q;
    }
}
