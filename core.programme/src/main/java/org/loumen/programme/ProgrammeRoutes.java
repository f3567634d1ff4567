package org.loumen.programme;

import org.loumen.programme.data.PersonalData;
import org.loumen.security.Role;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Collects a programme's routes and declarations, in {@link Programme#routes(ProgrammeRoutes)}. Paths are relative to
 * the programme, start with {@code /} and have at least one segment, e.g. {@code /teams} or {@code /teams/{team}}
 * ({@code {street}} is the platform's).
 *
 * <p>Who may call a route: without roles, the programme's {@link ProgrammeDefinition#roles()} (by default district
 * admin, street admin and community secretary: not {@code LEADER}); naming roles <em>replaces</em> those defaults for
 * that route (e.g. writes for the street admin only); {@link Allowed} also names the programme's own roles
 * ({@link #role(ProgrammeRole)}). The auditor is never among the defaults.
 *
 * <p>Every write is recorded in the audit log, and so is every read: programme data is treated as personal.
 */
@ProviderType
public interface ProgrammeRoutes {

    /** A {@code GET} route; roles replace the programme's default roles. */
    ProgrammeRoutes get(String path, ProgrammeHandler handler, Role... roles);

    /** A {@code POST} route; roles replace the programme's default roles. */
    ProgrammeRoutes post(String path, ProgrammeHandler handler, Role... roles);

    /** A {@code PUT} route; roles replace the programme's default roles. */
    ProgrammeRoutes put(String path, ProgrammeHandler handler, Role... roles);

    /** A {@code DELETE} route; roles replace the programme's default roles. */
    ProgrammeRoutes delete(String path, ProgrammeHandler handler, Role... roles);

    /**
     * A {@code GET} route for core roles and the programme's own roles.
     *
     * @since 1.1
     */
    ProgrammeRoutes get(String path, ProgrammeHandler handler, Allowed allowed);

    /**
     * A {@code POST} route for core roles and the programme's own roles.
     *
     * @since 1.1
     */
    ProgrammeRoutes post(String path, ProgrammeHandler handler, Allowed allowed);

    /**
     * A {@code PUT} route for core roles and the programme's own roles.
     *
     * @since 1.1
     */
    ProgrammeRoutes put(String path, ProgrammeHandler handler, Allowed allowed);

    /**
     * A {@code DELETE} route for core roles and the programme's own roles.
     *
     * @since 1.1
     */
    ProgrammeRoutes delete(String path, ProgrammeHandler handler, Allowed allowed);

    /**
     * Declares a role of the programme's own (e.g. 人民调解员), which user administration can then grant; a route
     * names it with {@link Allowed}. Declare it before the routes that use it.
     *
     * @throws IllegalArgumentException for an id declared twice
     * @since 1.1
     */
    ProgrammeRoutes role(ProgrammeRole role);

    /**
     * Declares the personal data the programme reads through {@link ProgrammeRequest#data()}; a street admin sees
     * these declarations before enabling the programme, and any other kind is refused
     * ({@link org.loumen.programme.data.UndeclaredReadException}).
     *
     * @since 1.1
     */
    ProgrammeRoutes reads(PersonalData... kinds);

    /**
     * A public {@code GET} route for the resident pages (no account): served at
     * {@code /api/v1/public/streets/{street}/programmes/<id><path>}, only while the street enabled the programme (404
     * {@code programme-disabled} elsewhere). The caller is anonymous and {@link ProgrammeRequest#scopes()} is empty;
     * {@link ProgrammeRequest#place(String, String)} and {@link ProgrammeRequest#community(String, String)} check only
     * that the place exists in the street; {@link ProgrammeRequest#data()} reads nothing (every kind is refused). The
     * answer must hold no personal data, and a public write should be throttled by the programme (e.g. with the
     * platform's {@link org.loumen.throttle.Throttles}, shared by every node, on
     * {@link ProgrammeRequest#remoteAddress()}). Writes are audited.
     *
     * @since 1.2
     */
    ProgrammeRoutes publicGet(String path, ProgrammeHandler handler);

    /**
     * A public {@code POST} route for the resident pages; see {@link #publicGet(String, ProgrammeHandler)}.
     *
     * @since 1.2
     */
    ProgrammeRoutes publicPost(String path, ProgrammeHandler handler);
}
