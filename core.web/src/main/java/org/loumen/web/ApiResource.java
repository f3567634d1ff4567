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

    /**
     * Optional service property: the symbolic name of the bundle on whose behalf the routes are registered, shown by
     * {@code GET /system/routes} (the programme platform registers each programme's routes for it).
     *
     * @since 2.1
     */
    String OWNER = "loumen.route.owner";

    /** Declares this resource's routes. */
    void routes(Routes routes);
}
