package org.loumen.web;

import org.loumen.domain.Refusal;

/**
 * An expected failure of an API call, written to the client as
 * {@code {"error":"<code>","message":"...","field":"..."}} with its HTTP status.
 *
 * <p>Codes are stable, lower-case and hyphenated ({@code not-found}, {@code invalid-field}); messages are read by
 * people and come in Chinese first, then English. Domain services refuse with a {@link Refusal} instead, which
 * {@link #of} answers.
 */
public class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String field;
    private final java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
    private long retryAfterSeconds;

    /** The most items an error body lists ({@link #withItems}): a 10 MB file of bad rows answers in kilobytes. */
    public static final int MAX_LISTED = 1000;

    public ApiException(int status, String code, String message, String field) {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
        }
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    /** 400: a field of the request is missing or wrong. */
    public static ApiException invalidField(String field, String message) {
        return new ApiException(400, "invalid-field", message, field);
    }

    /**
     * 404: the object does not exist (or the caller may not know that it does).
     *
     * @param zh what was looked for, in Chinese (e.g. 街道)
     * @param en the same in English (e.g. street)
     */
    public static ApiException notFound(String zh, String en, String id) {
        return new ApiException(404, "not-found", "未找到" + zh + " / " + en + " not found: " + id);
    }

    /** 409: the request conflicts with the current state. */
    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message);
    }

    /**
     * The answer to a domain {@link Refusal}: the one mapping of refusals to HTTP, which the dispatcher applies to
     * whatever a handler lets through. INVALID → 400, UNAUTHENTICATED → 401, FORBIDDEN → 403, NOT_FOUND → 404,
     * CONFLICT → 409, TOO_LARGE → 413, UNSUPPORTED_TYPE → 415, LOCKED → 423, TOO_MANY → 429; the code, message,
     * field, added members and the time to wait as the refusal gives them.
     *
     * @since 2.6
     */
    public static ApiException of(Refusal refusal) {
        ApiException answer = new ApiException(status(refusal.kind()), refusal.code(), refusal.getMessage(),
                refusal.field());
        refusal.details().forEach(answer::with);
        if (refusal.retryAfterSeconds() > 0) {
            answer.retryAfter(refusal.retryAfterSeconds());
        }
        return answer;
    }

    /** The HTTP status of a kind of refusal. */
    static int status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_TYPE -> 415;
            case LOCKED -> 423;
            case TOO_MANY -> 429;
        };
    }

    /**
     * Adds a member to the error body beside {@code error} and {@code message}, e.g. the bad rows of an import:
     * {@code {"error":"invalid-csv","message":"...","rows":[...]}}.
     *
     * @return this exception
     */
    public ApiException with(String key, Object value) {
        if (key.equals("error") || key.equals("message") || key.equals("field")) {
            throw new IllegalArgumentException(key + " is set by the constructor");
        }
        details.put(key, value);
        return this;
    }

    /**
     * Lists items at fault under {@code key}, at most {@link #MAX_LISTED} of them, with {@code "total"} (how many
     * there are) and, when some are left out, {@code "truncated":true} and a {@code "note"} saying so.
     *
     * @return this exception
     */
    public ApiException withItems(String key, java.util.List<?> items) {
        int total = items.size();
        with(key, total > MAX_LISTED ? java.util.List.copyOf(items.subList(0, MAX_LISTED)) : items);
        with("total", total);
        if (total > MAX_LISTED) {
            with("truncated", true);
            with("note", "仅列出前 " + MAX_LISTED + " 项，共 " + total + " 项 / only the first " + MAX_LISTED + " of "
                    + total + " are listed");
        }
        return this;
    }

    /**
     * Asks the client to wait before trying again: sent as the {@code Retry-After} header (429, 503).
     *
     * @return this exception
     */
    public ApiException retryAfter(long seconds) {
        this.retryAfterSeconds = Math.max(1, seconds);
        return this;
    }

    /** Seconds for {@code Retry-After}; 0 when the answer has none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The members added by {@link #with}. */
    public java.util.Map<String, Object> details() {
        return java.util.Collections.unmodifiableMap(details);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The request field or parameter at fault, or {@code null}. */
    public String field() {
        return field;
    }
}
