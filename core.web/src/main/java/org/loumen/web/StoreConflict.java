package org.loumen.web;

import java.util.Optional;

/**
 * A write the database refused because of another transaction (a unique key taken, a lock conflict).
 *
 * @param sqlState   the SQLState of the refusal
 * @param constraint the constraint's name, or {@code null}
 * @deprecated since 2.6: the rule lives with the domain, {@link org.loumen.domain.StoreConflict}, whose refusal
 *             the dispatcher answers; this record only delegates to it for programmes built against 2.2 to 2.5.
 */
@Deprecated
public record StoreConflict(String sqlState, String constraint) {

    /** The store conflict somewhere in the cause chain, if any. */
    public static Optional<StoreConflict> in(Throwable failure) {
        return org.loumen.domain.StoreConflict.in(failure).map(c -> new StoreConflict(c.sqlState(), c.constraint()));
    }

    private org.loumen.domain.StoreConflict rule() {
        return new org.loumen.domain.StoreConflict(sqlState, constraint);
    }

    /** A unique key was taken; otherwise a lock conflict. */
    public boolean unique() {
        return rule().unique();
    }

    /** The request field the conflict is about. */
    public String field() {
        return rule().field();
    }

    /** The answer when retries did not resolve it: 409 naming the field (unique key), or 409 busy (locks). */
    public ApiException toApi() {
        return ApiException.of(rule().toRefusal());
    }
}
