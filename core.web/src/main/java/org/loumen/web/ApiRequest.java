package org.loumen.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;

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
     * The JSON body read as the given type.
     *
     * @throws ApiException 400 {@code invalid-json} when the body is missing, malformed or of the wrong shape
     */
    <T> T body(Class<T> type) throws ApiException;

    /**
     * The raw request body, for uploads such as CSV files (up to the configured upload limit).
     *
     * @throws ApiException 413 {@code body-too-large} over the limit, 400 {@code invalid-body} when it is missing
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
     * 双港镇 or the district code for a district admin. A {@link Access#within} listing returns only objects whose
     * codes begin with one of them. Empty on public and signed-in routes.
     */
    Set<String> scopes();

    /**
     * Adds what only the handler knows to this request's audit entry, e.g. the account a request created and the
     * roles it was given. Never a password or other secret.
     */
    void auditDetail(String detail);

    /** Whether the code lies within {@link #scopes()}. */
    default boolean inScope(String code) {
        return code != null && scopes().stream().anyMatch(code::startsWith);
    }
}
