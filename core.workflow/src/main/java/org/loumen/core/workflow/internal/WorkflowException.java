package org.loumen.core.workflow.internal;

/**
 * A workflow operation refused (业务操作被拒), in the domain's terms: why, a stable code, the field at fault. The
 * resources answer it over HTTP through {@link WorkflowAnswers}, the one mapping of this bundle. (Services still
 * throwing the web layer's {@code ApiException} move to this one by one.)
 */
final class WorkflowException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a workflow operation was refused. */
    enum Reason {
        /** A value is missing, malformed or out of its range. */
        INVALID,
        /** The object does not exist (or the caller may not know of it). */
        NOT_FOUND,
        /** The operation conflicts with the object's current state. */
        CONFLICT,
        /** The caller may not do this. */
        NOT_ALLOWED
    }

    private final Reason reason;
    private final String code;
    private final String field;

    WorkflowException(Reason reason, String code, String message, String field) {
        super(message, null, false, false);
        this.reason = reason;
        this.code = code;
        this.field = field;
    }

    /** A field of the request is missing or wrong: {@code invalid-field}. */
    static WorkflowException invalid(String field, String message) {
        return new WorkflowException(Reason.INVALID, "invalid-field", message, field);
    }

    /** The request conflicts with the current state. */
    static WorkflowException conflict(String code, String message) {
        return new WorkflowException(Reason.CONFLICT, code, message, null);
    }

    Reason reason() {
        return reason;
    }

    /** The stable code clients see. */
    String code() {
        return code;
    }

    /** The field at fault, or {@code null}. */
    String field() {
        return field;
    }
}
