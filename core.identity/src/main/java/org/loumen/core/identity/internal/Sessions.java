package org.loumen.core.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-in sessions (登录会话): opaque random bearer tokens, stored only by their SHA-256 so neither a heap dump nor a
 * database copy hands out live tokens. A token expires after an idle time (each use restarts it) and in any case after
 * a maximum lifetime. The sessions live in a {@link Store}: the database (table {@code IDN_SESSION}) in the platform,
 * so a token issued by one node works on every node and survives a restart.
 *
 * <p>Checking a token is one primary-key read. The idle timer is written back at most once a minute per session
 * ({@link #touchMillis}), not on every request, so a busy session costs no write per request; in exchange a session
 * may end up to that long before its idle time is up.
 */
final class Sessions {

    /** A live session. */
    record Session(String username, long createdAt, long lastUsed) {
    }

    /** A token just issued, with when it expires if unused. */
    record Issued(String token, long expiresAt) {
    }

    /** Where sessions are kept, by the SHA-256 of their token. */
    interface Store {
        void put(String hash, Session session);

        Optional<Session> find(String hash);

        void touch(String hash, long lastUsed);

        boolean remove(String hash);

        /** Removes the user's sessions except the one of {@code keepHash} (may be null); returns how many. */
        int removeUser(String username, String keepHash);

        /** Removes sessions last used before {@code idleBefore} or created before {@code createdBefore}. */
        int sweep(long idleBefore, long createdBefore);

        int size();
    }

    /** Sessions in this process's memory only (tests). */
    static final class MemoryStore implements Store {
        private final Map<String, Session> byHash = new ConcurrentHashMap<>();

        @Override
        public void put(String hash, Session session) {
            byHash.put(hash, session);
        }

        @Override
        public Optional<Session> find(String hash) {
            return Optional.ofNullable(byHash.get(hash));
        }

        @Override
        public void touch(String hash, long lastUsed) {
            byHash.computeIfPresent(hash, (k, s) -> new Session(s.username(), s.createdAt(), lastUsed));
        }

        @Override
        public boolean remove(String hash) {
            return byHash.remove(hash) != null;
        }

        @Override
        public int removeUser(String username, String keepHash) {
            int[] n = { 0 };
            byHash.entrySet().removeIf(e -> {
                boolean drop = e.getValue().username().equals(username) && !e.getKey().equals(keepHash);
                n[0] += drop ? 1 : 0;
                return drop;
            });
            return n[0];
        }

        @Override
        public int sweep(long idleBefore, long createdBefore) {
            int before = byHash.size();
            byHash.values().removeIf(s -> s.lastUsed() < idleBefore || s.createdAt() < createdBefore);
            return before - byHash.size();
        }

        @Override
        public int size() {
            return byHash.size();
        }
    }

    /** The longest time between two writes of a session's idle timer. */
    static final long MAX_TOUCH_MILLIS = 60_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Store store;
    private final Clock clock;
    private volatile long idleMillis;
    private volatile long maxMillis;
    private volatile long lastSweep;

    Sessions(Clock clock, long idleMillis, long maxMillis) {
        this(new MemoryStore(), clock, idleMillis, maxMillis);
    }

    Sessions(Store store, Clock clock, long idleMillis, long maxMillis) {
        this.store = store;
        this.clock = clock;
        limits(idleMillis, maxMillis);
    }

    void limits(long idle, long max) {
        this.idleMillis = idle;
        this.maxMillis = max;
    }

    long idleMillis() {
        return idleMillis;
    }

    /** How stale a stored idle timer may be before a use writes it again: a thirtieth of the idle time, ≤ 1 min. */
    long touchMillis() {
        return Math.min(MAX_TOUCH_MILLIS, idleMillis / 30);
    }

    Issued issue(String username) {
        long now = clock.millis();
        if (now - lastSweep >= MAX_TOUCH_MILLIS) {
            lastSweep = now;
            store.sweep(now - idleMillis, now - maxMillis);
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        store.put(hash(token), new Session(username, now, now));
        return new Issued(token, now + idleMillis);
    }

    /** The session of a live token, its idle timer restarted; expired tokens are removed. */
    Optional<Session> use(String token) {
        String key = hash(token);
        Optional<Session> found = store.find(key);
        if (found.isEmpty()) {
            return found;
        }
        Session s = found.get();
        long now = clock.millis();
        if (expired(s, now)) {
            store.remove(key);
            return Optional.empty();
        }
        if (now - s.lastUsed() >= touchMillis()) {
            store.touch(key, now);
            s = new Session(s.username(), s.createdAt(), now);
        }
        return Optional.of(s);
    }

    /** Whether a session read earlier must be read again: expired by now, or its idle timer due for writing. */
    boolean due(Session s) {
        long now = clock.millis();
        return expired(s, now) || now - s.lastUsed() >= touchMillis();
    }

    /** When the token expires if not used again, or 0 if it is not live. */
    long expiresAt(String token) {
        return store.find(hash(token)).map(this::expiresAt).orElse(0L);
    }

    long expiresAt(Session s) {
        return Math.min(s.lastUsed() + idleMillis, s.createdAt() + maxMillis);
    }

    boolean revoke(String token) {
        return store.remove(hash(token));
    }

    /** Ends every session of the user except the one of {@code keepToken} (may be null). */
    int revokeAll(String username, String keepToken) {
        return store.removeUser(username, keepToken == null ? null : hash(keepToken));
    }

    int size() {
        return store.size();
    }

    private boolean expired(Session s, long now) {
        return now - s.lastUsed() >= idleMillis || now - s.createdAt() >= maxMillis;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
