package org.loumen.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.loumen.security.AuditRecord;
import org.loumen.security.AuditTrail;
import org.loumen.security.Caller;

import org.osgi.annotation.versioning.ProviderType;

/** One API request, as a handler sees it. */
@ProviderType
public interface ApiRequest {

    /** The HTTP method, upper case. */
    String method();

    /** The path below {@code /api/v1}, e.g. {@code /streets/120112103}. */
    String path();

    /** The value of a {@code {name}} segment of the matched route template. */
    String pathParam(String name);

    /**
     * A numeric {@code {name}} segment, such as a leader's id; empty when it is not a number, which routes answer
     * 404 like a missing object.
     */
    default Optional<Long> pathId(String name) {
        try {
            return Optional.of(Long.parseLong(pathParam(name)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The first value of a query parameter, if present and not blank. */
    Optional<String> query(String name);

    /** All values of a query parameter. */
    List<String> queryAll(String name);

    /**
     * An integer query parameter within bounds.
     *
     * @throws ApiException 400 {@code invalid-parameter} naming the parameter when it is not an integer in range
     */
    int queryInt(String name, int defaultValue, int min, int max) throws ApiException;

    /**
     * Whether the request carries a body (of one byte or more), for routes whose body is optional. Reading it here
     * does not consume it: {@link #body(Class)} and {@link #bytes()} still return it.
     *
     * @throws ApiException 413 {@code body-too-large} over the upload limit
     * @since 2.3
     */
    boolean hasBody() throws ApiException;

    /**
     * The JSON body read as the given type. Records are the usual type; a JSON value of another type than a
     * component declares (e.g. {@code "title":5} for a {@code String title}) is refused, never coerced. May be called
     * again, and together with {@link #bytes()}: the body is read from the client once and kept for the request.
     *
     * @throws ApiException 400 {@code missing-body} when there is none (see {@link #hasBody()});
     *                      400 {@code invalid-field} naming the field for a value of the wrong JSON type or one
     *                      refused by {@link Inputs}; 400 {@code invalid-json} when malformed or of the wrong shape;
     *                      413 {@code body-too-large}; 415 {@code unsupported-media-type} when not JSON
     */
    <T> T body(Class<T> type) throws ApiException;

    /**
     * The raw request body, for uploads such as CSV files (up to the configured upload limit). A copy: it may be
     * called again, and {@link #body(Class)} still reads the same body.
     *
     * @throws ApiException 413 {@code body-too-large} over the limit, 400 {@code missing-body} when there is none
     */
    byte[] bytes() throws ApiException;

    /** The client's address, as the server saw it. */
    String remoteAddress();

    /** A request header, if present. */
    Optional<String> header(String name);

    /** Who is calling; {@link Caller#ANONYMOUS} on public routes without a token. */
    Caller caller();

    /**
     * The nodes at which the caller holds one of the route's roles, e.g. {@code [120112103]} for the admin of
     * 双港镇 or the district code for a district admin; for a {@code LEADER} the node of each binding (a community,
     * building {@code …B003} or unit {@code …B003U02}); for a route that admits granted roles
     * ({@link Access#orGranted}) also the nodes of those grants. None lies below another. A {@link Access#within}
     * listing returns only objects whose codes begin with one of them; an {@link Access#area} route gets only the
     * part inside its node. Empty on public and signed-in routes.
     */
    Set<String> scopes();

    /**
     * Adds what only the handler knows to this request's audit entry, e.g. the account a request created and the
     * roles it was given. Never a password or other secret.
     */
    void auditDetail(String detail);

    /**
     * The entry the dispatcher records when this request succeeds with {@code status} (a write or a personal-data
     * read), for a handler that commits it in its own write's transaction ({@link AuditTrail#recordIn}: the write and
     * its entry in one commit, one log force). Empty where the dispatcher records nothing for the route. Once that
     * transaction has committed, the handler calls {@link #audited()}.
     *
     * @since 2.7
     */
    default Optional<AuditRecord> auditEntry(int status) {
        return Optional.empty();
    }

    /**
     * Says that this request's success entry ({@link #auditEntry}) is committed already, with the write it records,
     * so the dispatcher records no second one. A failure answered after this is still recorded by the dispatcher.
     *
     * @since 2.7
     */
    default void audited() {
        // nothing to skip where there is no entry
    }

    /** Whether the code lies within {@link #scopes()}. */
    default boolean inScope(String code) {
        return code != null && scopes().stream().anyMatch(code::startsWith);
    }
}
