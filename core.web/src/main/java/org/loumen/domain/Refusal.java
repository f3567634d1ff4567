package org.loumen.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An operation the domain refuses (拒绝): why ({@link Kind}), a stable code for clients ({@code not-found},
 * {@code invalid-field}, {@code illegal-transition}), a message people read (Chinese first, then English:
 * {@code "未找到 / not found"}) and the field at fault. Domain services throw it; the web layer turns it into its
 * answer in one place, so a service never names an HTTP status.
 *
 * <p>Codes are lower-case and hyphenated. Further members of the answer (the allowed next states, the seconds to
 * wait) are added with {@link #with}.
 */
public class Refusal extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why an operation was refused. */
    public enum Kind {
        /** A value is missing, malformed or out of its range. */
        INVALID,
        /** The caller could not be recognised (e.g. a wrong password). */
        UNAUTHENTICATED,
        /** The caller may not do this. */
        FORBIDDEN,
        /** The object does not exist (or the caller may not know that it does). */
        NOT_FOUND,
        /** The operation conflicts with the object's current state or with another change. */
        CONFLICT,
        /** What was sent is larger than allowed. */
        TOO_LARGE,
        /** What was sent is of a kind that is not accepted (e.g. a photo that is neither JPEG nor PNG). */
        UNSUPPORTED_TYPE,
        /** The object is locked for a while (e.g. an account after repeated failed sign-ins). */
        LOCKED,
        /** Too many attempts in a short time; try again later ({@link #retryAfterSeconds()}). */
        TOO_MANY
    }

    private final Kind kind;
    private final String code;
    private final String field;
    private final Map<String, Object> details = new LinkedHashMap<>();
    private long retryAfterSeconds;

    /**
     * @param kind    why
     * @param code    the stable code clients see
     * @param message for people, Chinese first, then English
     * @param field   the field at fault, or {@code null}
     */
    public Refusal(Kind kind, String code, String message, String field) {
        super(message, null, true, false); // an expected answer: no stack trace to fill
        if (kind == null || code == null) {
            throw new IllegalArgumentException("a refusal needs a kind and a code");
        }
        this.kind = kind;
        this.code = code;
        this.field = field;
    }

    public Refusal(Kind kind, String code, String message) {
        this(kind, code, message, null);
    }

    /** A field is missing or wrong: INVALID {@code invalid-field}. */
    public static Refusal invalidField(String field, String message) {
        return new Refusal(Kind.INVALID, "invalid-field", message, field);
    }

    /**
     * The object does not exist: NOT_FOUND {@code not-found}, "未找到{zh} / {en} not found: {id}".
     *
     * @param zh what was looked for, in Chinese (e.g. 街道)
     * @param en the same in English (e.g. street)
     */
    public static Refusal notFound(String zh, String en, String id) {
        return new Refusal(Kind.NOT_FOUND, "not-found", "未找到" + zh + " / " + en + " not found: " + id);
    }

    /** The request conflicts with the current state: CONFLICT with its own code. */
    public static Refusal conflict(String code, String message) {
        return new Refusal(Kind.CONFLICT, code, message);
    }

    /** CONFLICT {@code stale-version} on the {@code version} field: someone changed the object since it was read. */
    public static Refusal stale() {
        return new Refusal(Kind.CONFLICT, "stale-version", STALE_MESSAGE, "version");
    }

    /** The message of a stale version. */
    static final String STALE_MESSAGE =
            "数据已被他人修改，请刷新后重试 / changed by someone else since you read it; reload and retry";

    /**
     * Adds a member to the answer beside {@code error}, {@code message} and {@code field}, e.g. the states a leader
     * may move to.
     *
     * @return this refusal
     */
    public Refusal with(String key, Object value) {
        if (key.equals("error") || key.equals("message") || key.equals("field")) {
            throw new IllegalArgumentException(key + " is set by the constructor");
        }
        details.put(key, value);
        return this;
    }

    /**
     * Says how long to wait before trying again (TOO_MANY, LOCKED).
     *
     * @return this refusal
     */
    public Refusal retryAfter(long seconds) {
        this.retryAfterSeconds = Math.max(1, seconds);
        return this;
    }

    /** Seconds to wait before trying again; 0 when the refusal names none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The members added by {@link #with}, in the order added. */
    public Map<String, Object> details() {
        return Collections.unmodifiableMap(details);
    }

    public Kind kind() {
        return kind;
    }

    /** The stable code clients see. */
    public String code() {
        return code;
    }

    /** The field at fault, or {@code null}. */
    public String field() {
        return field;
    }
}
