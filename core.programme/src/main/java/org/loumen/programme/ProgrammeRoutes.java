package org.loumen.programme;

import org.loumen.security.Role;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Collects a programme's routes. Paths are relative to the programme, start with {@code /} and have at least one
 * segment, e.g. {@code /teams} or {@code /teams/{team}} ({@code {street}} is the platform's). Without roles a route
 * serves the programme's {@link ProgrammeDefinition#roles()}; naming roles narrows it (e.g. writes for the street
 * admin only).
 *
 * <p>Every write is recorded in the audit log, and so is every read: programme data is treated as personal.
 */
@ProviderType
public interface ProgrammeRoutes {

    ProgrammeRoutes get(String path, ProgrammeHandler handler, Role... roles);

    ProgrammeRoutes post(String path, ProgrammeHandler handler, Role... roles);

    ProgrammeRoutes put(String path, ProgrammeHandler handler, Role... roles);

    ProgrammeRoutes delete(String path, ProgrammeHandler handler, Role... roles);
}
