package org.loumen.core.identity.internal;

import java.sql.Connection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.domain.SharedStore;

/**
 * Tokens checked recently, by the SHA-256 of the token (never the token): the session and the account as read then,
 * so a busy client's requests need not read both rows again each time. Never stale after a revocation:
 * <ul>
 * <li>every transaction that ends sessions (sign-out, all sessions of an account, the sweep) or changes an account
 * (roles, enabled, password) moves one row on as its last statement ({@code IDN_VERSION 'sessions'}, {@link #bump}),
 * and empties this cache after its commit ({@link #changed});</li>
 * <li>on a database other nodes may share, each check first reads that row by primary key, so a sign-out or a
 * disabled account on another node refuses here at the next request;</li>
 * <li>embedded Derby cannot be opened by another process: there the row is read once and invalidation on write
 * suffices.</li>
 * </ul>
 * An entry is served only in the generation it was read in, so a read that overlapped a revocation is never kept. The
 * caller still applies the session's expiry and writes its idle timer as before (an entry whose timer is due goes
 * back to the database).
 */
final class CheckedTokens {

    static final String NAME = "sessions";
    private static final int MAX_ENTRIES = 10_000;

    record Checked(long generation, Sessions.Session session, Account account) {
    }

    /** One generation for the bundle (IdentityService and AccountAdministration write accounts and sessions). */
    private static final AtomicLong GENERATION = new AtomicLong();
    private final ConcurrentHashMap<String, Checked> byHash = new ConcurrentHashMap<>();
    private final JpaTemplate jpa;
    /** Null until the first check: asking the database at construction would deploy its unit on the start's thread. */
    private volatile Boolean shared;
    private volatile long seenStamp = -1;

    CheckedTokens(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    /** The generation to read under: after the stamp check, so another node's committed revocation counts. */
    long current() {
        if (seenStamp < 0 || shared()) {
            long stamp = jpa.txExpr(em -> {
                IdentityVersionEntity v = em.find(IdentityVersionEntity.class, NAME);
                return v == null ? 0L : v.stamp;
            });
            if (stamp != seenStamp) {
                seenStamp = stamp;
                changed();
            }
        }
        return GENERATION.get();
    }

    /** The entry of the hash read in this generation, or null. */
    Checked get(String hash, long generation) {
        Checked c = byHash.get(hash);
        return c != null && c.generation() == generation ? c : null;
    }

    /** Keeps what was read in the generation, unless a revocation happened since. */
    void put(String hash, long generation, Sessions.Session session, Account account) {
        if (GENERATION.get() != generation) {
            return;
        }
        if (byHash.size() >= MAX_ENTRIES) {
            byHash.clear();
        }
        byHash.put(hash, new Checked(generation, session, account));
    }

    /** Marks every entry stale; called after a transaction that ended sessions or changed an account committed. */
    static void changed() {
        GENERATION.incrementAndGet();
    }

    /** Moves the version on in the caller's transaction (creating the row the first time). */
    static void bump(EntityManager em) {
        int updated = em.createQuery("update IdentityVersionEntity v set v.stamp = v.stamp + 1 where v.name = :n")
                .setParameter("n", NAME).executeUpdate();
        if (updated == 0) {
            em.persist(new IdentityVersionEntity(NAME, 1));
            em.flush();
        }
    }

    /** Whether other nodes may write to the database: false only for embedded Derby. Asked once. */
    private boolean shared() {
        Boolean s = shared;
        if (s == null) {
            s = jpa.txExpr(em -> SharedStore.shared(em.unwrap(Connection.class)));
            shared = s;
        }
        return s;
    }
}
