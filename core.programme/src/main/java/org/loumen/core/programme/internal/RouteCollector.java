package org.loumen.core.programme.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.loumen.programme.Allowed;
import org.loumen.programme.ProgrammeHandler;
import org.loumen.programme.ProgrammeRole;
import org.loumen.programme.data.PersonalData;
import org.loumen.programme.ProgrammeRoutes;
import org.loumen.security.Role;

/** Collects and checks a programme's routes before any of them is registered, so a bad one fails the programme only. */
final class RouteCollector implements ProgrammeRoutes {

    /** One programme route: path relative to the programme, and who may call it. */
    record Spec(String method, String path, ProgrammeHandler handler, Set<Role> roles, Set<String> programmeRoles,
            boolean open) {
        Spec(String method, String path, ProgrammeHandler handler, Set<Role> roles, Set<String> programmeRoles) {
            this(method, path, handler, roles, programmeRoles, false);
        }

        String shape() {
            return (open ? "PUBLIC " : "") + method + " " + path.replaceAll("\\{[^}]+}", "{}");
        }
    }

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+|\\{[a-zA-Z][a-zA-Z0-9]{0,30}}");

    private final Set<Role> defaults;
    private final List<Spec> specs = new ArrayList<>();
    private final Map<String, ProgrammeRole> roles = new LinkedHashMap<>();
    private final Set<PersonalData> reads = EnumSet.noneOf(PersonalData.class);

    RouteCollector(Set<Role> defaults) {
        this.defaults = defaults;
    }

    List<Spec> specs() {
        return List.copyOf(specs);
    }

    /** The programme's own roles, in the order declared. */
    List<ProgrammeRole> roles() {
        return List.copyOf(roles.values());
    }

    /** The personal data it declared it reads. */
    Set<PersonalData> reads() {
        return reads.isEmpty() ? Set.of() : EnumSet.copyOf(reads);
    }

    @Override
    public ProgrammeRoutes role(ProgrammeRole role) {
        if (role == null) {
            throw new IllegalArgumentException("role is null");
        }
        if (roles.putIfAbsent(role.id(), role) != null) {
            throw new IllegalArgumentException("role " + role.id() + " is declared twice");
        }
        return this;
    }

    @Override
    public ProgrammeRoutes reads(PersonalData... kinds) {
        for (PersonalData k : kinds) {
            if (k == null) {
                throw new IllegalArgumentException("reads(null)");
            }
            reads.add(k);
        }
        return this;
    }

    private ProgrammeRoutes add(String method, String path, ProgrammeHandler handler, Allowed allowed) {
        if (allowed == null) {
            throw new IllegalArgumentException("route " + method + " " + path + " names no roles");
        }
        for (String id : allowed.programmeRoles()) {
            if (!roles.containsKey(id)) {
                throw new IllegalArgumentException("route " + method + " " + path + " names the role " + id
                        + ", which the programme does not declare (declare it first with routes.role(...))");
            }
        }
        Set<Role> core = EnumSet.noneOf(Role.class);
        core.addAll(allowed.roles());
        core.remove(Role.AUDITOR); // the auditor reads the audit log and nothing else
        if (core.isEmpty() && allowed.programmeRoles().isEmpty()) {
            throw new IllegalArgumentException("route " + method + " " + path + " admits nobody");
        }
        return add(method, path, handler, core, allowed.programmeRoles());
    }

    private ProgrammeRoutes add(String method, String path, ProgrammeHandler handler, Role... roles) {
        Set<Role> allowed = roles == null || roles.length == 0 ? defaults : EnumSet.copyOf(Arrays.asList(roles));
        return add(method, path, handler, allowed, Set.of());
    }

    private ProgrammeRoutes add(String method, String path, ProgrammeHandler handler, Set<Role> allowed,
            Set<String> programmeRoles) {
        return add(method, path, handler, allowed, programmeRoles, false);
    }

    private ProgrammeRoutes add(String method, String path, ProgrammeHandler handler, Set<Role> allowed,
            Set<String> programmeRoles, boolean open) {
        if (handler == null) {
            throw new IllegalArgumentException("route " + method + " " + path + " has no handler");
        }
        if (path == null || !path.startsWith("/") || path.length() < 2 || path.endsWith("/")) {
            throw new IllegalArgumentException("route path must be '/' and at least one segment: " + path);
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("bad segment '" + segment + "' in route " + path);
            }
            if (segment.equals("{street}")) {
                throw new IllegalArgumentException("{street} is the platform's path parameter: " + path);
            }
        }
        Spec spec = new Spec(method, path, handler, Set.copyOf(allowed), Set.copyOf(programmeRoles), open);
        for (Spec s : specs) {
            if (s.shape().equals(spec.shape())) {
                throw new IllegalArgumentException("route " + method + " " + path + " is declared twice");
            }
        }
        specs.add(spec);
        return this;
    }

    @Override
    public ProgrammeRoutes get(String path, ProgrammeHandler handler, Role... roles) {
        return add("GET", path, handler, roles);
    }

    @Override
    public ProgrammeRoutes post(String path, ProgrammeHandler handler, Role... roles) {
        return add("POST", path, handler, roles);
    }

    @Override
    public ProgrammeRoutes put(String path, ProgrammeHandler handler, Role... roles) {
        return add("PUT", path, handler, roles);
    }

    @Override
    public ProgrammeRoutes delete(String path, ProgrammeHandler handler, Role... roles) {
        return add("DELETE", path, handler, roles);
    }

    @Override
    public ProgrammeRoutes get(String path, ProgrammeHandler handler, Allowed allowed) {
        return add("GET", path, handler, allowed);
    }

    @Override
    public ProgrammeRoutes post(String path, ProgrammeHandler handler, Allowed allowed) {
        return add("POST", path, handler, allowed);
    }

    @Override
    public ProgrammeRoutes put(String path, ProgrammeHandler handler, Allowed allowed) {
        return add("PUT", path, handler, allowed);
    }

    @Override
    public ProgrammeRoutes delete(String path, ProgrammeHandler handler, Allowed allowed) {
        return add("DELETE", path, handler, allowed);
    }

    @Override
    public ProgrammeRoutes publicGet(String path, ProgrammeHandler handler) {
        return add("GET", path, handler, Set.of(), Set.of(), true);
    }

    @Override
    public ProgrammeRoutes publicPost(String path, ProgrammeHandler handler) {
        return add("POST", path, handler, Set.of(), Set.of(), true);
    }
}
