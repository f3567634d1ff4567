package org.loumen.programme;

import org.loumen.web.ApiException;
import org.loumen.web.ApiRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One request to a programme route: the request itself plus its context. {@link #caller()} is who calls;
 * {@link #scopes()} is the caller's part of the street (the street itself for its admin and the district admin, the
 * caller's communities for a secretary), so a handler narrows what it shows with {@link #inScope(String)}.
 */
@ProviderType
public interface ProgrammeRequest extends ApiRequest {

    /** The street's 9-digit code (街道/镇代码), already checked: the caller may act in it and it enabled the programme. */
    String street();

    /** The programme's id. */
    String programme();

    /**
     * Checks a community code given by the client (e.g. in a body field) the way the platform checks path nodes:
     * the community must exist, lie in this street and within the caller's {@link #scopes()}.
     *
     * @param field the field or parameter the code came from, named in the error
     * @return the code
     * @throws ApiException 400 naming the field when the code is missing or not 12 digits; 404 when there is no such
     *                      community in the caller's part of the street (the same answer either way)
     */
    String community(String field, String code) throws ApiException;
}
