package org.loumen.security;

import java.sql.Connection;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The append-only audit log (审计日志). Provided by the core; any bundle records logins, refusals, writes, and
 * reads or exports of personal data through it. Nothing can edit or delete an entry; only entries older than the
 * retention period (at least 180 days) are purged.
 */
@ProviderType
public interface AuditTrail {

    /**
     * Stores the entry durably before returning.
     *
     * @throws IllegalStateException when the entry could not be stored; the caller must then not report success
     */
    void record(AuditRecord entry);

    /**
     * Appends the entries, chained like every other, in the caller's own open transaction on {@code transaction} (a
     * connection of the platform's one data source), so that they commit with the caller's write — one commit, one
     * log force for both — or roll back with it. The chain's head stays locked until that transaction ends, so the
     * caller commits right after. Nothing is durable before that commit: the caller acknowledges only after it.
     *
     * @throws IllegalStateException when the entries could not be written; the caller's transaction must then not
     *                               commit as a success
     * @throws UnsupportedOperationException from a trail that cannot write in another's transaction
     * @since 1.4
     */
    default void recordIn(Connection transaction, List<AuditRecord> entries) {
        throw new UnsupportedOperationException("this audit trail writes only in its own transactions");
    }
}
