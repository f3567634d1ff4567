package org.loumen.plugin.my.building.internal;

import java.sql.SQLException;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.loumen.web.ApiException;

/**
 * One transaction of the programme's unit: an {@link ApiException} thrown inside rolls everything back and reaches the
 * client as it was thrown; a unique key that refuses a second row (a household agreeing twice at once) is answered
 * with the conflict the caller names.
 */
final class Tx {

    interface Work<T> {
        T apply(EntityManager em) throws ApiException;
    }

    /** Carries a refusal out of the template's transaction, which then rolls back. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final ApiException refusal;

        Refused(ApiException refusal) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
        }
    }

    private final JpaTemplate jpa;

    Tx(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    <T> T run(Work<T> work) throws ApiException {
        return run(work, null);
    }

    /** As {@link #run(Work)}; a unique-key violation becomes {@code duplicate} (when given). */
    <T> T run(Work<T> work, ApiException duplicate) throws ApiException {
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                try {
                    return work.apply(em);
                } catch (ApiException e) {
                    throw new Refused(e);
                }
            });
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Refused r) {
                    throw r.refusal;
                }
                if (duplicate != null && t instanceof SQLException s && s.getSQLState() != null
                        && s.getSQLState().startsWith("23")) {
                    throw duplicate;
                }
            }
            throw e;
        }
    }
}
