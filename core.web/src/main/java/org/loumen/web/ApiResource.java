package org.loumen.web;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A group of JSON routes under {@code /api/v1}, registered as a whiteboard service.
 *
 * <p>The dispatcher calls {@link #routes(Routes)} once when the service appears and drops the routes when it goes,
 * so a bundle that is stopped or uninstalled stops answering at once.
 */
@ConsumerType
public interface ApiResource {

    /** Declares this resource's routes. */
    void routes(Routes routes);
}
