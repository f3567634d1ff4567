package org.loumen.web;

import org.osgi.annotation.versioning.ConsumerType;

/** Answers one route. */
@ConsumerType
@FunctionalInterface
public interface Handler {

    /**
     * @return the response body, written as JSON with status 200 ({@code null}: 204 No Content); an
     *         {@link ApiResponse} to choose the status
     * @throws ApiException for every expected failure (bad input, not found, conflict): the dispatcher writes it as
     *                      {@code {"error","message","field"}} with its status. Anything else is logged and answered
     *                      as a 500 without details.
     */
    Object handle(ApiRequest request) throws ApiException;
}
