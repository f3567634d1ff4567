package org.loumen.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.loumen.security.Role;

/**
 * Who may call a route, and which organisation node it acts on (访问规则). Every route declares one; the dispatcher
 * checks it before the handler runs and audits refusals, so a handler never writes access checks of its own.
 *
 * <ul>
 * <li>{@link #publicRoute()}: anyone, without signing in. Such a route must never return personal data.</li>
 * <li>{@link #signedIn()}: any signed-in user acting on their own account (e.g. changing their password).</li>
 * <li>{@link #node(String, Role...)} and {@link #node(NodeResolver, Role...)}: the caller must hold one of the roles
 * at the node the request acts on or above it. A node out of scope and a missing object are both answered 404.</li>
 * <li>{@link #area(String, Role...)}: work inside one node, such as a street's programme: the caller must hold one of
 * the roles at the node, above it or below it; {@link ApiRequest#scopes()} then holds the caller's part of it (the
 * node itself, or e.g. the communities a secretary runs in that street). Any other node is answered 404.</li>
 * <li>{@link #within(Role...)}: listings. The caller must hold one of the roles somewhere; the handler narrows what
 * it returns to {@link ApiRequest#scopes()}. Query parameters named by {@link #filteredBy(String...)} that hold
 * node codes are checked like path nodes.</li>
 * </ul>
 * A call by a caller who holds none of the route's roles is answered 403; an anonymous call 401.
 */
public final class Access {

    /** The kinds of rule, for the dispatcher. */
    public enum Kind {
        PUBLIC, SIGNED_IN, NODE, WITHIN, AREA
    }

    private final Kind kind;
    private final Set<Role> roles;
    private final String pathParam;
    private final NodeResolver resolver;
    private final List<String> filterParams;
    private final boolean personalData;
    private final boolean auditedByHandler;
    private final Set<String> granted;

    private Access(Kind kind, Set<Role> roles, String pathParam, NodeResolver resolver, List<String> filterParams,
            boolean personalData, boolean auditedByHandler) {
        this(kind, roles, pathParam, resolver, filterParams, personalData, auditedByHandler, Set.of());
    }

    private Access(Kind kind, Set<Role> roles, String pathParam, NodeResolver resolver, List<String> filterParams,
            boolean personalData, boolean auditedByHandler, Set<String> granted) {
        this.granted = granted;
        this.kind = kind;
        this.roles = roles;
        this.pathParam = pathParam;
        this.resolver = resolver;
        this.filterParams = filterParams;
        this.personalData = personalData;
        this.auditedByHandler = auditedByHandler;
    }

    /** Anyone, signed in or not (public pages, login, ballots). */
    public static Access publicRoute() {
        return new Access(Kind.PUBLIC, Set.of(), null, null, List.of(), false, false);
    }

    /** Any signed-in user, acting on their own account. Allowed even before a required password change. */
    public static Access signedIn() {
        return new Access(Kind.SIGNED_IN, Set.of(), null, null, List.of(), false, false);
    }

    /** The path parameter {@code {pathParam}} holds the code of the node the request acts on. */
    public static Access node(String pathParam, Role... roles) {
        Objects.requireNonNull(pathParam, "pathParam");
        return new Access(Kind.NODE, roleSet(roles), pathParam, null, List.of(), false, false);
    }

    /** The resolver finds the node(s) the request acts on, e.g. by looking up the object the path names. */
    public static Access node(NodeResolver resolver, Role... roles) {
        Objects.requireNonNull(resolver, "resolver");
        return new Access(Kind.NODE, roleSet(roles), null, resolver, List.of(), false, false);
    }

    /**
     * The path parameter {@code {pathParam}} holds a node (e.g. a street) that callers work inside: admitted are
     * callers who hold one of the roles at that node, above it, or below it; the handler narrows what it does to
     * {@link ApiRequest#scopes()}, which lie within the node.
     *
     * @since 2.1
     */
    public static Access area(String pathParam, Role... roles) {
        Objects.requireNonNull(pathParam, "pathParam");
        return new Access(Kind.AREA, roleSet(roles), pathParam, null, List.of(), false, false);
    }

    /** A listing narrowed by the handler to {@link ApiRequest#scopes()}. */
    public static Access within(Role... roles) {
        return new Access(Kind.WITHIN, roleSet(roles), null, null, List.of(), false, false);
    }

    /** Query parameters of a {@link #within(Role...)} listing that hold node codes; each given one is checked. */
    public Access filteredBy(String... queryParams) {
        if (kind != Kind.WITHIN) {
            throw new IllegalStateException("filteredBy applies to within(...) listings");
        }
        return new Access(kind, roles, pathParam, resolver, List.of(queryParams), personalData, auditedByHandler,
                granted);
    }

    /**
     * The route returns personal data (names, phones, addresses, household tags): every successful read is
     * recorded in the audit trail. Writes are always recorded.
     */
    public Access personalData() {
        if (kind == Kind.PUBLIC) {
            throw new IllegalStateException("a public route must not return personal data");
        }
        return new Access(kind, roles, pathParam, resolver, filterParams, true, auditedByHandler, granted);
    }

    /**
     * The handler records this write in the audit trail itself, with details only it knows (e.g. the account a
     * login attempt named); the dispatcher then records only refusals.
     */
    public Access auditedByHandler() {
        return new Access(kind, roles, pathParam, resolver, filterParams, personalData, true, granted);
    }

    /**
     * Also admits callers who were granted one of these roles (e.g. {@code mediation:MEDIATOR}, a role a programme
     * declares) at the node, exactly as if it were one of the rule's core roles: the same coverage by prefix, the
     * same 404 outside, the grant's nodes in {@link ApiRequest#scopes()}. The grants come from the
     * {@link GrantedRoles} service; without it only the core roles admit. Roles may be empty with grants given: the
     * route is then for the holders of the granted roles only.
     *
     * @param grantedRoles qualified role names, {@code <owner>:<ROLE>}
     * @since 2.3
     */
    public Access orGranted(String... grantedRoles) {
        if (kind == Kind.PUBLIC || kind == Kind.SIGNED_IN) {
            throw new IllegalStateException("granted roles apply to node, area and within rules");
        }
        Set<String> set = new java.util.TreeSet<>(granted);
        for (String g : grantedRoles) {
            if (g == null || !g.matches("[a-z0-9-]+:[A-Z][A-Z0-9_]*")) {
                throw new IllegalArgumentException("a granted role is <owner>:<ROLE>: " + g);
            }
            set.add(g);
        }
        return new Access(kind, roles, pathParam, resolver, filterParams, personalData, auditedByHandler,
                Set.copyOf(set));
    }

    /**
     * The same rule for a route whose core roles are all in {@link #orGranted}: only the holders of granted roles.
     *
     * @since 2.3
     */
    public static Access areaGranted(String pathParam, String... grantedRoles) {
        Objects.requireNonNull(pathParam, "pathParam");
        return new Access(Kind.AREA, Set.of(), pathParam, null, List.of(), false, false).orGranted(grantedRoles);
    }

    /**
     * The granted roles (qualified {@code <owner>:<ROLE>}) that admit besides {@link #roles()}.
     *
     * @since 2.3
     */
    public Set<String> granted() {
        return granted;
    }

    private static Set<Role> roleSet(Role... roles) {
        if (roles.length == 0) {
            throw new IllegalArgumentException("name at least one role");
        }
        Set<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(Arrays.asList(roles));
        return Set.copyOf(set);
    }

    public Kind kind() {
        return kind;
    }

    /** The roles that may call the route (empty for public and signed-in routes). */
    public Set<Role> roles() {
        return roles;
    }

    /** The path parameter that names the node, or {@code null}. */
    public String pathParam() {
        return pathParam;
    }

    /** The resolver that finds the node(s), or {@code null}. */
    public NodeResolver resolver() {
        return resolver;
    }

    public List<String> filterParams() {
        return filterParams;
    }

    public boolean isPersonalData() {
        return personalData;
    }

    public boolean isAuditedByHandler() {
        return auditedByHandler;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case PUBLIC -> "public";
            case SIGNED_IN -> "signed-in";
            case NODE -> who() + " at " + (pathParam != null ? "{" + pathParam + "}" : "resolved node");
            case AREA -> who() + " at, above or inside {" + pathParam + "}";
            case WITHIN -> who() + " within own scope" + (filterParams.isEmpty() ? "" : ", filters " + filterParams);
        };
    }

    private String who() {
        return granted.isEmpty() ? roles.toString() : roles + " or granted " + granted;
    }
}
