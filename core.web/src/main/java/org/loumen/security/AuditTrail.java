package org.loumen.security;

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
}
