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
 * Sign-in sessions (登录会话): opaque random bearer tokens, kept in memory only by their SHA-256 so a heap dump does not
 * hand out live tokens. A token expires after an idle time (each use restarts it) and in any case after a maximum
 * lifetime; a restart of the platform signs everybody out.
 */
final class Sessions {

    /** A live session. */
    static final class Session {
        final String username;
        final long createdAt;
        volatile long lastUsed;

        Session(String username, long now) {
            this.username = username;
            this.createdAt = now;
            this.lastUsed = now;
        }
    }

    /** A token just issued, with when it expires if unused. */
    record Issued(String token, long expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> byHash = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile long idleMillis;
    private volatile long maxMillis;

    Sessions(Clock clock, long idleMillis, long maxMillis) {
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

    Issued issue(String username) {
        sweep();
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        long now = clock.millis();
        byHash.put(hash(token), new Session(username, now));
        return new Issued(token, now + idleMillis);
    }

    /** The session of a live token, its idle timer restarted; expired tokens are removed. */
    Optional<Session> use(String token) {
        String key = hash(token);
        Session s = byHash.get(key);
        if (s == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        if (expired(s, now)) {
            byHash.remove(key);
            return Optional.empty();
        }
        s.lastUsed = now;
        return Optional.of(s);
    }

    /** When the token expires if not used again, or 0 if it is not live. */
    long expiresAt(String token) {
        Session s = byHash.get(hash(token));
        return s == null ? 0 : Math.min(s.lastUsed + idleMillis, s.createdAt + maxMillis);
    }

    boolean revoke(String token) {
        return byHash.remove(hash(token)) != null;
    }

    /** Ends every session of the user except the one of {@code keepToken} (may be null). */
    int revokeAll(String username, String keepToken) {
        String keep = keepToken == null ? null : hash(keepToken);
        int[] n = { 0 };
        byHash.entrySet().removeIf(e -> {
            boolean drop = e.getValue().username.equals(username) && !e.getKey().equals(keep);
            if (drop) {
                n[0]++;
            }
            return drop;
        });
        return n[0];
    }

    int size() {
        return byHash.size();
    }

    private void sweep() {
        long now = clock.millis();
        byHash.values().removeIf(s -> expired(s, now));
    }

    private boolean expired(Session s, long now) {
        return now - s.lastUsed >= idleMillis || now - s.createdAt >= maxMillis;
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
