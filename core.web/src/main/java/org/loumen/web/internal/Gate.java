package org.loumen.web.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.loumen.security.Caller;
import org.loumen.web.Access;
import org.loumen.web.ApiException;
import org.loumen.web.ApiRequest;
import org.loumen.web.GrantedRoles;

/**
 * The one place where a route's {@link Access} rule is checked against the caller, before any handler runs.
 *
 * <p>Out-of-scope objects are answered exactly like missing ones (404), so a caller learns nothing about other
 * streets; a caller holding none of the route's roles gets 403, an anonymous caller 401.
 */
final class Gate {

    /** The outcome of a check: the caller's scopes for the route, or the refusal and the node it concerned. */
    record Decision(Set<String> scopes, ApiException refusal, String node) {
        boolean admitted() {
            return refusal == null;
        }
    }

    private Gate() {
    }

    static Decision check(Access access, Caller caller, ApiRequest request) throws ApiException {
        return check(access, caller, request, username -> List.of());
    }

    /**
     * @param grantsOf the roles granted to a user beside the core's ({@link GrantedRoles}); asked only when the rule
     *                 names granted roles
     */
    static Decision check(Access access, Caller caller, ApiRequest request,
            Function<String, List<GrantedRoles.Grant>> grantsOf) throws ApiException {
        switch (access.kind()) {
            case PUBLIC:
                return new Decision(Set.of(), null, null);
            case SIGNED_IN:
                return caller.anonymous() ? refuse(unauthenticated(), null) : new Decision(Set.of(), null, null);
            default:
                break;
        }
        if (caller.anonymous()) {
            return refuse(unauthenticated(), null);
        }
        if (caller.mustChangePassword()) {
            return refuse(new ApiException(403, "password-change-required",
                    "请先修改初始密码 / change the password you were given before anything else"), null);
        }
        Held held = Held.of(access, caller, grantsOf);
        if (held.nodes.isEmpty()) {
            String who = access.granted().isEmpty() ? access.roles().toString()
                    : access.roles() + " / " + access.granted();
            return refuse(new ApiException(403, "forbidden", "无权访问：需要角色 " + who
                    + " / forbidden: this needs one of the roles " + who), null);
        }
        if (access.kind() == Access.Kind.AREA) {
            return area(request.pathParam(access.pathParam()), held, request);
        }
        Collection<String> nodes;
        if (access.kind() == Access.Kind.NODE) {
            nodes = access.pathParam() != null ? List.of(request.pathParam(access.pathParam()))
                    : access.resolver().nodes(request);
            if (nodes == null || nodes.isEmpty()) {
                return refuse(notFound(request), null);
            }
        } else {
            nodes = access.filterParams().stream().flatMap(p -> request.queryAll(p).stream())
                    .map(String::strip).filter(v -> !v.isEmpty()).toList();
        }
        for (String node : nodes) {
            if (!held.covers(node)) {
                return refuse(notFound(request), node);
            }
        }
        return new Decision(held.nodes, null, nodes.isEmpty() ? null : String.join(",", nodes));
    }

    /**
     * The nodes at which the caller holds one of the rule's roles, core or granted; none lies below another.
     */
    private record Held(Set<String> nodes) {
        static Held of(Access access, Caller caller, Function<String, List<GrantedRoles.Grant>> grantsOf) {
            List<String> all = new java.util.ArrayList<>(caller.nodes(access.roles()));
            if (!access.granted().isEmpty()) {
                for (GrantedRoles.Grant g : grantsOf.apply(caller.username())) {
                    if (access.granted().contains(g.role())) {
                        all.add(g.node());
                    }
                }
            }
            Set<String> nodes = new TreeSet<>();
            all.stream().sorted().forEach(n -> {
                if (nodes.stream().noneMatch(n::startsWith)) {
                    nodes.add(n);
                }
            });
            return new Held(Set.copyOf(nodes));
        }

        boolean covers(String node) {
            return node != null && nodes.stream().anyMatch(node::startsWith);
        }
    }

    /** The caller's part of the area: the area itself when held at or above it, else their nodes inside it. */
    private static Decision area(String area, Held held, ApiRequest request) {
        if (held.covers(area)) {
            return new Decision(Set.of(area), null, area);
        }
        Set<String> inside = new TreeSet<>();
        for (String n : held.nodes) {
            if (n.startsWith(area)) {
                inside.add(n);
            }
        }
        return inside.isEmpty() ? refuse(notFound(request), area) : new Decision(inside, null, area);
    }

    private static Decision refuse(ApiException e, String node) {
        return new Decision(Set.of(), e, node);
    }

    static ApiException unauthenticated() {
        return new ApiException(401, "unauthenticated", "请先登录 / sign in first");
    }

    /** The same answer as for an object that does not exist. */
    static ApiException notFound(ApiRequest request) {
        // no echo of the path: the answer must not differ in any way that depends on the object
        return new ApiException(404, "not-found", "未找到 / not found");
    }
}
