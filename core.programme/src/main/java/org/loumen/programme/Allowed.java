package org.loumen.programme;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

import org.loumen.security.Role;

/**
 * Who may call a programme route: core roles and the programme's own roles ({@link ProgrammeRole}), each held at,
 * above or inside the street. For example, the mediation programme's cases are for mediators and the street admin:
 * {@code routes.get("/cases", this::cases, Allowed.roles(Role.STREET_ADMIN).and("MEDIATOR"))}. A caller holding
 * none of them is refused 403; the handler's {@link ProgrammeRequest#scopes()} are the nodes where the caller holds
 * one of them.
 *
 * @param roles          core roles
 * @param programmeRoles ids of roles the programme declares ({@link ProgrammeRoutes#role(ProgrammeRole)})
 * @since 1.1
 */
public record Allowed(Set<Role> roles, Set<String> programmeRoles) {

    public Allowed {
        roles = Set.copyOf(roles);
        programmeRoles = Set.copyOf(programmeRoles);
        if (roles.isEmpty() && programmeRoles.isEmpty()) {
            throw new IllegalArgumentException("name at least one role");
        }
    }

    /** These core roles. */
    public static Allowed roles(Role... roles) {
        return new Allowed(EnumSet.copyOf(Arrays.asList(roles)), Set.of());
    }

    /** These roles of the programme only (no core role). */
    public static Allowed programmeRoles(String... ids) {
        return new Allowed(Set.of(), Set.of(ids));
    }

    /** Also the holders of these roles of the programme. */
    public Allowed and(String... ids) {
        Set<String> all = new TreeSet<>(programmeRoles);
        all.addAll(Arrays.asList(ids));
        return new Allowed(roles, all);
    }

    /** Also these core roles. */
    public Allowed and(Role... more) {
        Set<Role> all = EnumSet.noneOf(Role.class);
        all.addAll(roles);
        all.addAll(Arrays.asList(more));
        return new Allowed(all, programmeRoles);
    }
}
