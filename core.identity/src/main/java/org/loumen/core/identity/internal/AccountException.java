package org.loumen.core.identity.internal;

/**
 * An account operation refused (账号操作被拒), in the domain's terms: why, a stable code, the field at fault. The
 * resources answer it over HTTP through {@link IdentityAnswers}, the one mapping of this bundle.
 */
final class AccountException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why an account operation was refused. */
    enum Reason {
        /** A value is missing or malformed. */
        INVALID,
        /** There is no such account (or the caller may not know of it). */
        NOT_FOUND,
        /** The caller may not do this to this account or grant this role. */
        NOT_ALLOWED,
        /** The account exists already, or the caller's version is not the current one. */
        CONFLICT
    }

    private final Reason reason;
    private final String code;
    private final String field;

    AccountException(Reason reason, String code, String message, String field) {
        super(message, null, false, false);
        this.reason = reason;
        this.code = code;
        this.field = field;
    }

    static AccountException invalid(String field, String message) {
        return new AccountException(Reason.INVALID, "invalid-field", message, field);
    }

    static AccountException notFound(String username) {
        return new AccountException(Reason.NOT_FOUND, "not-found", "未找到账号 / account not found: " + username, null);
    }

    /** The caller's version is not the current one: someone else changed the account first. */
    static AccountException stale() {
        return new AccountException(Reason.CONFLICT, "stale-version",
                "数据已被他人修改，请刷新后重试 / changed by someone else since you read it; reload and retry", "version");
    }

    Reason reason() {
        return reason;
    }

    /** The stable code clients see, e.g. {@code username-taken}. */
    String code() {
        return code;
    }

    /** The field at fault, or {@code null}. */
    String field() {
        return field;
    }
}
