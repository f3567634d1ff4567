package org.loumen.core.model.internal;

import java.util.Set;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.OptimisticLockException;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.ModelException;

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

    /** Runs a write; a refusal comes out as its ModelException, a concurrent change as STALE. */
    static <T> T write(JpaTemplate jpa, Function<EntityManager, T> work) throws ModelException {
        try {
            return jpa.txExpr(work::apply);
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

    static void bindScopes(TypedQuery<?> query, Set<String> scopes) {
        int i = 0;
        for (String s : scopes) {
            query.setParameter("s" + i++, s + "%");
        }
    }
}
