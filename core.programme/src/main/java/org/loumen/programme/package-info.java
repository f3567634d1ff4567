/**
 * The programme SPI (街道特色项目插件接口): what a module developer implements to add a street programme to Loumen.
 *
 * <p>A programme is a Declarative Services component in its own bundle that provides a {@link Programme} service
 * described by {@link ProgrammeDefinition}. Its routes live under
 * {@code /api/v1/streets/{street}/programmes/{id}/...}; the platform checks the caller's access to the street and
 * whether the street enabled the programme before a {@link ProgrammeHandler} runs, so a programme writes no security
 * or enablement code.
 *
 * <p>Version 1.1 (compatible with 1.0: every 1.0 programme runs unchanged) adds the programme's own roles
 * ({@link org.loumen.programme.ProgrammeRole}, {@link org.loumen.programme.Allowed}), declared personal data read
 * through {@link org.loumen.programme.ProgrammeRequest#data()} (package {@code org.loumen.programme.data}) and
 * {@link org.loumen.programme.ProgrammeRequest#place(String, String)}. Version 1.2 adds the resident pages: public
 * routes ({@link org.loumen.programme.ProgrammeRoutes#publicGet}) and the programme's parts of the unit page and door
 * poster ({@link org.loumen.programme.ProgrammeDefinition#residentResources()}). Personal data of the core is reached only that
 * way; workflow facts through {@code org.loumen.workflow.api}, events named in {@code org.loumen.workflow.events}.
 * Version 1.3 names every service property of {@link org.loumen.programme.ProgrammeDefinition} as a constant.
 */
@Export
@Version("1.3.0")
package org.loumen.programme;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
