package org.loumen.web;

import java.util.Collection;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Finds the organisation node(s) a request acts on, for routes whose path names an object rather than a node
 * (e.g. {@code /users/{username}} acts on the nodes of that user's roles).
 */
@ConsumerType
@FunctionalInterface
public interface NodeResolver {

    /**
     * @return the codes of the nodes the request acts on; the caller must cover every one of them. Empty when the
     *         object does not exist, which is answered 404 exactly as an object out of the caller's scope.
     * @throws ApiException when the request is malformed (e.g. 400 for an identifier of the wrong shape)
     */
    Collection<String> nodes(ApiRequest request) throws ApiException;
}
