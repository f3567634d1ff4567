package org.loumen.core.model;

/** A model operation refused, with a stable reason and, where one is at fault, the field. */
public class ModelException extends Exception {

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
    private final String field;

    /** STALE on the {@code version} field: someone changed the object since the caller read it. */
    public static ModelException stale() {
        return new ModelException(Reason.STALE, "version",
                "数据已被他人修改，请刷新后重试 / changed by someone else since you read it; reload and retry");
    }

    public ModelException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The field at fault, or {@code null}. */
    public String field() {
        return field;
    }
}
