package org.loumen.core.model.internal;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.persistence.EntityManager;
import javax.persistence.OptimisticLockException;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.ModelException;
import org.loumen.domain.StoreConflict;

/** Transactions of the model's services: refusals out of lambdas, stale writes as STALE, scope as JPQL. */
final class Tx {

    /** Carries a checked refusal out of a transaction lambda, rolling the transaction back. */
    static final class Abort extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Exception reason;

        Abort(Exception reason) {
            super(reason.getMessage(), null, false, false);
            this.reason = reason;
        }
    }

    private Tx() {
    }

    /** The refusal of the given type carried by an {@link Abort} somewhere in the cause chain, or null. */
    static <T> T unwrap(RuntimeException e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Abort a && type.isInstance(a.reason)) {
                return type.cast(a.reason);
            }
        }
        return null;
    }

    /** Attempts of a write that collided with a parallel one (a generated code taken, a lock conflict). */
    static final int ATTEMPTS = 30;

    /**
     * Runs a transaction again when the database refused it because of a parallel one ({@link StoreConflict}: a
     * unique key taken, a deadlock, a lock timeout). The new attempt reads the committed state afresh, so it picks the
     * next free code, or finds the object the other request created and refuses as the service would (409 naming the
     * field). What still collides after {@link #ATTEMPTS} is answered 409 by the dispatcher, never 500.
     */
    static <T> T retrying(Supplier<T> transaction) {
        for (int attempt = 1;; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || unwrap(e, Exception.class) != null || StoreConflict.in(e).isEmpty()) {
                    throw e;
                }
                try {
                    // spread the retries so parallel writers stop meeting at the same moment
                    Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L + 5L * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Runs a write; a refusal comes out as its ModelException, a concurrent change as STALE. */
    static <T> T write(JpaTemplate jpa, Function<EntityManager, T> work) throws ModelException {
        try {
            return retrying(() -> jpa.txExpr(work::apply));
        } catch (RuntimeException e) {
            ModelException refused = unwrap(e, ModelException.class);
            if (refused != null) {
                throw refused;
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof OptimisticLockException) {
                    throw ModelException.stale();
                }
            }
            throw e;
        }
    }

    /**
     * {@code (field like :s0 or field like :s1 ...)} for the caller's scopes; {@code (1 = 0)} when there are none, so
     * an empty scope finds nothing. Bind with {@link #bindScopes}.
     */
    static String scopeClause(String field, Set<String> scopes) {
        StringBuilder w = new StringBuilder("(");
        for (int i = 0; i < scopes.size(); i++) {
            w.append(i == 0 ? "" : " or ").append(field).append(" like :s").append(i);
        }
        return w.append(scopes.isEmpty() ? "1 = 0)" : ")").toString();
    }

    /**
     * A search text as a {@code like} pattern matching it anywhere, with {@code %}, {@code _} and the escape
     * character taken literally; use with {@code escape '\\'}.
     */
    static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    static void bindScopes(TypedQuery<?> query, Set<String> scopes) {
        int i = 0;
        for (String s : scopes) {
            query.setParameter("s" + i++, s + "%");
        }
    }
}
