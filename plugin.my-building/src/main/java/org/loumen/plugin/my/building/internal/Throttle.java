package org.loumen.plugin.my.building.internal;

import java.time.Duration;

import org.loumen.throttle.Throttles;
import org.loumen.web.ApiException;

/**
 * Resident actions are throttled per client address: at most {@code perHour} writes an hour, and wrong household
 * codes back off (after 5 wrong codes each try waits twice as long), so codes cannot be found by trying. Both counts
 * are the platform's {@link Throttles}, kept in its database, so every node counts together. A refusal is 429 and
 * records nothing.
 */
final class Throttle {

    private final Throttles throttles;
    private final int perHour;
    private final Throttles.Backoff wrongCodes;

    Throttle(Throttles throttles, int perHour) {
        this.throttles = throttles;
        this.perHour = perHour;
        this.wrongCodes = throttles.backoff("my-building.code", 5, Duration.ofMinutes(10));
        wrongCodes.forgetAll(); // started (or restarted with new settings): the counts start afresh, as in memory
    }

    /** Counts one write of the client, or refuses it (429) when it is over the hour's allowance or backing off. */
    void write(String client) throws ApiException {
        long wait = wrongCodes.waitMillis(client);
        if (wait > 0) {
            throw tooMany(wait);
        }
        wait = throttles.acquire(new Throttles.Limit("my-building.writes:" + client, perHour, Duration.ofHours(1)));
        if (wait > 0) {
            throw tooMany(wait);
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
