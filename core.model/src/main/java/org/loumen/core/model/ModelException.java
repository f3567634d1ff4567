package org.loumen.core.model;

import org.loumen.domain.Refusal;

/**
 * A model operation refused, with a stable reason and, where one is at fault, the field. Since 1.5 it is a domain
 * {@link Refusal} (INVALID {@code invalid-field}, NOT_FOUND {@code not-found}, CONFLICT {@code conflict}, STALE:
 * CONFLICT {@code stale-version}), answered over HTTP like every other refusal.
 */
public class ModelException extends Refusal {

    private static final long serialVersionUID = 1L;

    /** Why an operation was refused. */
    public enum Reason {
        /** A value is missing or malformed. */
        INVALID,
        /** The object, or its parent, does not exist. */
        NOT_FOUND,
        /** The object exists already, or the change conflicts with others. */
        CONFLICT,
        /** The caller's version is not the current one: someone else changed it first. */
        STALE
    }

    private final Reason reason;

    /** STALE on the {@code version} field: someone changed the object since the caller read it. */
    public static ModelException stale() {
        return new ModelException(Reason.STALE, "version", Refusal.stale().getMessage());
    }

    public ModelException(Reason reason, String field, String message) {
        super(kind(reason), code(reason), message, field);
        this.reason = reason;
    }

    private static Kind kind(Reason reason) {
        return switch (reason) {
            case INVALID -> Kind.INVALID;
            case NOT_FOUND -> Kind.NOT_FOUND;
            case CONFLICT, STALE -> Kind.CONFLICT;
        };
    }

    private static String code(Reason reason) {
        return switch (reason) {
            case INVALID -> "invalid-field";
            case NOT_FOUND -> "not-found";
            case CONFLICT -> "conflict";
            case STALE -> "stale-version";
        };
    }

    public Reason reason() {
        return reason;
    }
}
