package org.loumen.plugin.my.building.internal;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import org.loumen.security.ClientBackoff;
import org.loumen.web.ApiException;

/**
 * Resident actions are throttled per client address: at most {@code perHour} writes an hour, and wrong household
 * codes back off (the platform's {@link ClientBackoff}: after 5 wrong codes each try waits twice as long), so codes
 * cannot be found by trying. A refusal is 429 and records nothing.
 */
final class Throttle {

    private static final int MAX_CLIENTS = 50_000;

    private final Clock clock;
    private final int perHour;
    private final ClientBackoff wrongCodes;
    private final Map<String, Deque<Long>> writes = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    Throttle(Clock clock, int perHour) {
        this.clock = clock;
        this.perHour = perHour;
        this.wrongCodes = new ClientBackoff(clock, 5, 600);
    }

    /** Counts one write of the client, or refuses it (429) when it is over the hour's allowance or backing off. */
    void write(String client) throws ApiException {
        long wait = wrongCodes.waitMillis(client);
        if (wait > 0) {
            throw tooMany(wait);
        }
        long now = clock.millis();
        synchronized (writes) {
            Deque<Long> times = writes.computeIfAbsent(client, k -> new ArrayDeque<>());
            while (!times.isEmpty() && now - times.peekFirst() > 3_600_000L) {
                times.removeFirst();
            }
            if (times.size() >= perHour) {
                throw tooMany(3_600_000L - (now - times.peekFirst()));
            }
            times.addLast(now);
        }
    }

    /** A wrong household code from this client. */
    void wrongCode(String client) {
        wrongCodes.failed(client);
    }

    private static ApiException tooMany(long waitMillis) {
        long seconds = Math.max(1, (waitMillis + 999) / 1000);
        long minutes = Math.max(1, (seconds + 59) / 60);
        return new ApiException(429, "too-many-requests", "提交过于频繁，请 " + minutes + " 分钟后再试 / too many "
                + "requests: try again in " + minutes + " minutes").with("retryAfterSeconds", seconds).retryAfter(seconds);
    }
}
