package org.loumen.web;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The roles granted to users beside the core's five, such as the roles programmes declare (人民调解员
 * {@code mediation:MEDIATOR}): the dispatcher asks this service when a route's {@link Access} names granted roles
 * ({@link Access#orGranted}), and treats each grant like a core role binding at its node. Provided by the programme
 * platform; when it is missing, granted roles admit nobody (fail closed).
 *
 * @since 2.3
 */
@ConsumerType
public interface GrantedRoles {

    /** One grant: a qualified role ({@code <owner>:<ROLE>}) held at a node of the organisation tree. */
    record Grant(String role, String node) {
        public Grant {
            java.util.Objects.requireNonNull(role, "role");
            java.util.Objects.requireNonNull(node, "node");
        }
    }

    /** The grants a user holds now, in force (e.g. of programmes that are deployed); empty when none. */
    List<Grant> grantsOf(String username);
}
