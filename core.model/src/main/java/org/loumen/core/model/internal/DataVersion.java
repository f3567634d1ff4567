package org.loumen.core.model.internal;

import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.ModelException;

/**
 * The version of the data the public reads are cached from (the organisation tree, leaders and their assignments):
 * one row, {@code MDL_VERSION 'directory'}, moved on inside every transaction that writes any of it, as that
 * transaction's last statement. A node sharing the database reads this one row by primary key before serving from its
 * cache ({@link ReferenceCache}), so a write committed on any node is seen by the next read on every node; the row
 * changes in the same transaction as the data, so no crash can leave the data changed and the version not.
 * <p>Taken last, the row's lock is held only from the end of a write to its commit, and a transaction holding it
 * waits for no other row, so writers queue on it briefly but never deadlock through it.
 */
final class DataVersion {

    static final String DIRECTORY = "directory";

    private DataVersion() {
    }

    /** The work, then the version moved on in the same transaction. */
    static <T> EmFunction<T> bumping(EmFunction<T> work) {
        return em -> {
            T result = work.apply(em);
            bump(em);
            return result;
        };
    }

    /** Moves the version on in the caller's transaction (creating the row the first time). */
    static void bump(EntityManager em) {
        int updated = em.createQuery("update VersionEntity v set v.stamp = v.stamp + 1 where v.name = :n")
                .setParameter("n", DIRECTORY).executeUpdate();
        if (updated == 0) {
            // first write on a new database; two nodes creating it at once collide on the key and one is retried
            em.persist(new VersionEntity(DIRECTORY, 1));
            em.flush();
        }
    }

    /** The committed version (0 before the first write), one primary-key read. */
    static long read(JpaTemplate jpa) {
        return jpa.txExpr(em -> {
            VersionEntity v = em.find(VersionEntity.class, DIRECTORY);
            return v == null ? 0L : v.stamp;
        });
    }

    /**
     * A write of the organisation tree: the version moved on in its transaction, the caches emptied after its commit,
     * also when it failed (a stale entry is never worth the risk).
     */
    static <T> T writeTree(JpaTemplate jpa, EmFunction<T> work) {
        try {
            return jpa.txExpr(bumping(work));
        } finally {
            ReferenceCache.changed();
        }
    }

    /**
     * A write of leaders or their assignments ({@link Tx#write}): the version moved on in its transaction, the caches
     * emptied after its commit (also when it failed: a stale entry is never worth the risk).
     */
    static <T> T write(JpaTemplate jpa, Function<EntityManager, T> work) throws ModelException {
        try {
            return Tx.write(jpa, em -> {
                T result = work.apply(em);
                bump(em);
                return result;
            });
        } finally {
            ReferenceCache.changed();
        }
    }
}
