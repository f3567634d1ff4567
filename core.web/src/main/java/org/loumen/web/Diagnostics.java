package org.loumen.web;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Why a bundle or component of the running platform is not as it should be, each in one line a person can act on:
 * the one place these rules live, shared by {@code GET /api/v1/health} and the programme platform's listing.
 * Provided by the core.
 *
 * @since 2.4
 */
@ProviderType
public interface Diagnostics {

    /**
     * The root cause of an activation failure, one line: SCR records a whole stack trace whose first line is often
     * only the reflective wrapper (InvocationTargetException); the last {@code Caused by:} says what went wrong.
     *
     * @param failure the failure as SCR recorded it, may be {@code null}
     * @return that line, the first line when there is no cause, {@code activation failed} when there is nothing
     */
    String rootCause(String failure);

    /**
     * The package imports of a bundle that no bundle of the framework offers in a matching version (optional imports
     * aside): why an installed bundle does not resolve.
     *
     * @return the requirements' filters, e.g. {@code (&(osgi.wiring.package=org.example)(version>=1.0.0))}; empty
     *         when every import is offered or the bundle is gone
     */
    List<String> missingImports(Bundle bundle);

    /**
     * The services a component waits for, named by interface (constructor references have generated names like
     * {@code $000}), each followed by its target filter when it has one.
     */
    List<String> missingServices(ComponentDescriptionDTO component, UnsatisfiedReferenceDTO[] unsatisfied);
}
