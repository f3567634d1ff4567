package org.loumen.core.identity.internal;

import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;

/** Sessions in table {@code IDN_SESSION}: one row per live token, shared by every node on the database. */
final class JpaSessionStore implements Sessions.Store {

    private final JpaTemplate jpa;

    JpaSessionStore(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    /**
     * Runs a removal of sessions: when it removed any, the identity version moves on in its transaction and the
     * checked tokens are emptied after its commit ({@link CheckedTokens}).
     */
    private int removing(java.util.function.ToIntFunction<javax.persistence.EntityManager> delete) {
        try {
            return jpa.txExpr(em -> {
                int n = delete.applyAsInt(em);
                if (n > 0) {
                    CheckedTokens.bump(em);
                }
                return n;
            });
        } finally {
            CheckedTokens.changed();
        }
    }

    @Override
    public void put(String hash, Sessions.Session s) {
        jpa.tx(em -> em.persist(new SessionEntity(hash, s.username(), s.createdAt(), s.lastUsed())));
    }

    @Override
    public Optional<Sessions.Session> find(String hash) {
        return jpa.txExpr(em -> Optional.ofNullable(em.find(SessionEntity.class, hash))
                .map(e -> new Sessions.Session(e.username, e.createdAt, e.lastUsed)));
    }

    @Override
    public void touch(String hash, long lastUsed) {
        // a plain update, never a resurrection: a session revoked meanwhile on another node stays revoked
        jpa.tx(em -> em.createQuery("update SessionEntity s set s.lastUsed = :t where s.tokenHash = :h "
                + "and s.lastUsed < :t").setParameter("t", lastUsed).setParameter("h", hash).executeUpdate());
    }

    @Override
    public boolean remove(String hash) {
        return removing(em -> em.createQuery("delete from SessionEntity s where s.tokenHash = :h")
                .setParameter("h", hash).executeUpdate()) > 0;
    }

    @Override
    public int removeUser(String username, String keepHash) {
        return removing(em -> em.createQuery("delete from SessionEntity s where s.username = :u and s.tokenHash "
                + "<> :k").setParameter("u", username).setParameter("k", keepHash == null ? "" : keepHash)
                .executeUpdate());
    }

    @Override
    public int sweep(long idleBefore, long createdBefore) {
        return removing(em -> em.createQuery("delete from SessionEntity s where s.lastUsed < :i or s.createdAt < :c")
                .setParameter("i", idleBefore).setParameter("c", createdBefore).executeUpdate());
    }

    @Override
    public int size() {
        return jpa.txExpr(em -> em.createQuery("select count(s) from SessionEntity s", Long.class).getSingleResult())
                .intValue();
    }
}
