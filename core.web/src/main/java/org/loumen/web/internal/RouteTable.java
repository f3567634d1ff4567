package org.loumen.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.LinkedHashMap;

import org.loumen.web.Access;
import org.loumen.web.Handler;

/**
 * The routes of every registered resource, matched by method and path template.
 *
 * <p>Reads vastly outnumber (un)registrations, so the table is copy-on-write: matching takes no lock.
 */
final class RouteTable {

    /** One route: a template split into segments, each either a literal or a {@code {param}}. */
    record Route(Object owner, String ownerName, String method, String template, String[] segments, Access access,
            Handler handler) {

        /** Literal segments rank higher, so {@code /streets/count} beats {@code /streets/{code}}. */
        int literalCount() {
            int n = 0;
            for (String s : segments) {
                if (!isParam(s)) {
                    n++;
                }
            }
            return n;
        }
    }

    /** The outcome of matching a request. */
    sealed interface Match permits Found, MethodNotAllowed, NotFound {
    }

    record Found(Route route, Map<String, String> params) implements Match {
    }

    record MethodNotAllowed(Set<String> allowed) implements Match {
    }

    record NotFound() implements Match {
    }

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    void add(Object owner, String ownerName, String method, String template, Access access, Handler handler) {
        if (access == null) {
            throw new IllegalArgumentException("route " + method + " " + template + " declares no access rule");
        }
        if (handler == null) {
            throw new IllegalArgumentException("route " + method + " " + template + " has no handler");
        }
        if (template == null || !template.startsWith("/")) {
            throw new IllegalArgumentException("route path must start with '/': " + template);
        }
        String[] segments = split(template);
        for (String s : segments) {
            if (s.isEmpty() || (s.contains("{") || s.contains("}")) && !isParam(s)) {
                throw new IllegalArgumentException("bad route segment '" + s + "' in " + template);
            }
        }
        for (Route r : routes) {
            if (r.method.equals(method) && sameShape(r.segments, segments)) {
                throw new IllegalArgumentException("route " + method + " " + template + " is already taken by "
                        + r.template);
            }
        }
        if (access.pathParam() != null && !List.of(segments).contains("{" + access.pathParam() + "}")) {
            throw new IllegalArgumentException("route " + method + " " + template + " names its node by {"
                    + access.pathParam() + "}, which the path does not have");
        }
        routes.add(new Route(owner, ownerName, method, template, segments, access, handler));
    }

    /** Every route, in registration order. */
    List<Route> all() {
        return List.copyOf(routes);
    }

    void removeAll(Object owner) {
        routes.removeIf(r -> r.owner == owner);
    }

    Match match(String method, String path) {
        String[] parts = split(path);
        Found best = null;
        Set<String> allowed = new TreeSet<>();
        for (Route r : routes) {
            Map<String, String> params = bind(r.segments, parts);
            if (params == null) {
                continue;
            }
            if (!r.method.equals(method)) {
                allowed.add(r.method);
                continue;
            }
            if (best == null || r.literalCount() > best.route.literalCount()) {
                best = new Found(r, params);
            }
        }
        if (best != null) {
            return best;
        }
        return allowed.isEmpty() ? new NotFound() : new MethodNotAllowed(allowed);
    }

    private static Map<String, String> bind(String[] segments, String[] parts) {
        if (segments.length != parts.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (isParam(s)) {
                if (parts[i].isEmpty()) {
                    return null;
                }
                params.put(s.substring(1, s.length() - 1), parts[i]);
            } else if (!s.equals(parts[i])) {
                return null;
            }
        }
        return params;
    }

    private static boolean sameShape(String[] a, String[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            boolean pa = isParam(a[i]);
            if (pa != isParam(b[i]) || !pa && !a[i].equals(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isParam(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty()) {
            return new String[0];
        }
        List<String> out = new ArrayList<>();
        for (String s : p.split("/", -1)) {
            out.add(s);
        }
        return out.toArray(String[]::new);
    }
}
