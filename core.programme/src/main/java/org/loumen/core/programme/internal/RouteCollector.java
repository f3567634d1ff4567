package org.loumen.core.programme.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.loumen.programme.ProgrammeHandler;
import org.loumen.programme.ProgrammeRoutes;
import org.loumen.security.Role;

/** Collects and checks a programme's routes before any of them is registered, so a bad one fails the programme only. */
final class RouteCollector implements ProgrammeRoutes {

    /** One programme route: path relative to the programme, and who may call it. */
    record Spec(String method, String path, ProgrammeHandler handler, Set<Role> roles) {
        String shape() {
            return method + " " + path.replaceAll("\\{[^}]+}", "{}");
        }
    }

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+|\\{[a-zA-Z][a-zA-Z0-9]{0,30}}");

    private final Set<Role> defaults;
    private final List<Spec> specs = new ArrayList<>();

    RouteCollector(Set<Role> defaults) {
        this.defaults = defaults;
    }

    List<Spec> specs() {
        return List.copyOf(specs);
    }

    private ProgrammeRoutes add(String method, String path, ProgrammeHandler handler, Role... roles) {
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
        Set<Role> allowed = roles == null || roles.length == 0 ? defaults : EnumSet.copyOf(Arrays.asList(roles));
        Spec spec = new Spec(method, path, handler, Set.copyOf(allowed));
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
}
