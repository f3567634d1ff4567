package org.loumen.web;

import org.loumen.domain.Refusal;
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
     * @throws Refusal      a domain service's refusal, let through: the dispatcher answers it as
     *                      {@link ApiException#of(Refusal)} (since 2.6)
     */
    Object handle(ApiRequest request) throws ApiException, Refusal;
}
