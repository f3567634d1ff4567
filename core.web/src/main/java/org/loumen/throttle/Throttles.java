package org.loumen.throttle;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Throttles kept where every node sees them (the platform's database). Provided by the platform; a caller asks before
 * an attempt and refuses it (429 with Retry-After) without looking at what was sent.
 *
 * <p>Names are short and namespaced by their owner, e.g. {@code signin}, {@code ballot-code},
 * {@code my-building.writes}; a key is a name plus a client address or a place code (at most 200 characters in all).
 */
@ProviderType
public interface Throttles {

    /** Failed attempts remembered for a backoff: failures older than this are forgotten. */
    Duration BACKOFF_WINDOW = Duration.ofMinutes(15);

    /**
     * A backoff (退避) against guessing: after {@code freeFailures} failures of one client within
     * {@link #BACKOFF_WINDOW}, each further attempt must wait twice as long as the one before, up to
     * {@code maxDelay}. Only failures are counted; successful attempts are never throttled by it.
     */
    Backoff backoff(String name, int freeFailures, Duration maxDelay);

    /**
     * Takes one slot under every limit, or none (so parallel requests, on any node, never pass a limit).
     *
     * @return 0 when taken, else the milliseconds until the limit that refused frees a slot
     */
    long acquire(Limit... limits);

    /** Gives back a slot taken by {@link #acquire} when what it was taken for did not happen. */
    void release(Limit... limits);

    /**
     * At most {@code max} slots on {@code key} in a window of {@code window} that begins at the first slot taken
     * after the previous window ended.
     */
    record Limit(String key, int max, Duration window) {
    }

    /** One backoff; see {@link Throttles#backoff}. */
    @ProviderType
    interface Backoff {

        /** Milliseconds the client must still wait before its next attempt; 0 when it may try now. */
        long waitMillis(String client);

        /** Records a failed attempt of the client. */
        void failed(String client);

        /** Forgets every client's failures under this backoff's name (e.g. when its settings change). */
        void forgetAll();
    }
}
