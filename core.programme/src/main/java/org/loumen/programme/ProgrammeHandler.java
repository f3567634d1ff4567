package org.loumen.programme;

import org.loumen.web.ApiException;
import org.osgi.annotation.versioning.ConsumerType;

/** Answers one programme route, after the platform admitted the caller to the street and found it enabled. */
@ConsumerType
@FunctionalInterface
public interface ProgrammeHandler {

    /**
     * @return the response body as JSON with status 200 ({@code null}: 204), or an
     *         {@link org.loumen.web.ApiResponse} to choose the status
     * @throws ApiException for expected failures (bad input 400 naming the field, not found 404, conflict 409). Any
     *                      other exception is logged with the programme's id and answered 500
     *                      {@code {"error":"programme-error"}}; nothing else is affected.
     */
    Object handle(ProgrammeRequest request) throws ApiException;
}
