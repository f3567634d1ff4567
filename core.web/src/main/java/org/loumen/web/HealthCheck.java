package org.loumen.web;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source of problems for {@code GET /api/v1/health} beside the bundles and components the platform sees itself,
 * e.g. a programme listed FAILED because its id is already in use or its routes were refused while its component is
 * active. Any problem makes the platform DEGRADED.
 *
 * @since 2.3
 */
@ConsumerType
public interface HealthCheck {

    /**
     * One problem.
     *
     * @param bundle    the symbolic name of the bundle concerned
     * @param component what in it (e.g. {@code programme mediation}), or {@code null}
     * @param state     a short upper-case state, e.g. {@code FAILED}
     * @param reason    why, for people
     */
    record Problem(String bundle, String component, String state, String reason) {
    }

    /** The problems now; empty when all is well. */
    List<Problem> problems();
}
