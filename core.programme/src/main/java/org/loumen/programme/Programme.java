package org.loumen.programme;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A street programme (街道特色项目), e.g. volunteer service brands or people's mediation pairing.
 *
 * <p>Register it as a DS component annotated with {@link ProgrammeDefinition}, which gives the service its id,
 * names and roles. The platform calls {@link #routes(ProgrammeRoutes)} once when the service appears and drops the
 * routes when it goes. A programme is disabled in every street until a street admin enables it.
 */
@ConsumerType
public interface Programme {

    /**
     * Declares the programme's routes, relative to {@code /api/v1/streets/{street}/programmes/{id}}.
     *
     * @throws IllegalArgumentException for a malformed or clashing route: the programme is then listed FAILED
     */
    void routes(ProgrammeRoutes routes);
}
