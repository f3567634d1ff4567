package org.loumen.programme;

import org.loumen.web.ApiException;
import org.loumen.web.ApiRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One request to a programme route: the request itself plus its context. {@link #caller()} is who calls;
 * {@link #scopes()} is the caller's part of the street: the street itself for its admin and the district admin, the
 * caller's communities for a secretary, the community, building or unit of each binding for a leader, and the node of
 * each grant for a holder of a programme role ({@link ProgrammeRole}); a handler narrows what it shows with
 * {@link #inScope(String)}. The body may be read as JSON ({@link #body(Class)}) and as bytes ({@link #bytes()}), in
 * any order; {@link #hasBody()} tells whether there is one.
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

    /**
     * Checks a place code given by the client: a community ({@code 12 digits}), building ({@code …B003}) or unit
     * ({@code …B003U02}) that exists, lies in this street and within the caller's {@link #scopes()}.
     *
     * @param field the field or parameter the code came from, named in the error
     * @return the code
     * @throws ApiException 400 {@code invalid-field} naming the field when the code is missing or malformed; 404
     *                      {@code not-found} naming the field when there is no such place in the caller's part of the
     *                      street (the same answer either way)
     * @since 1.1
     */
    String place(String field, String code) throws ApiException;

    /**
     * The personal data the programme declared, within the caller's scope, audited under the programme's id.
     *
     * @since 1.1
     */
    org.loumen.programme.data.ProgrammeData data();
}
