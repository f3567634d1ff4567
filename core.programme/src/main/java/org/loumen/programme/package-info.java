/**
 * The programme SPI (街道特色项目插件接口): what a module developer implements to add a street programme to Loumen.
 *
 * <p>A programme is a Declarative Services component in its own bundle that provides a {@link Programme} service
 * described by {@link ProgrammeDefinition}. Its routes live under
 * {@code /api/v1/streets/{street}/programmes/{id}/...}; the platform checks the caller's access to the street and
 * whether the street enabled the programme before a {@link ProgrammeHandler} runs, so a programme writes no security
 * or enablement code. Handlers reach core data only through exported API services (e.g.
 * {@code org.loumen.core.model}).
 */
@Export
@Version("1.0.0")
package org.loumen.programme;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
