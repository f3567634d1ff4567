package org.loumen.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.loumen.security.Caller;
import org.loumen.security.Role;
import org.loumen.security.RoleBinding;
import org.loumen.web.Access;
import org.loumen.web.ApiException;
import org.loumen.web.ApiRequest;

class GateTest {

    static final String SHUANGGANG = "120112103";
    static final String SHUANGXIN = "120112001";

    static final Caller STREET_ADMIN = caller(new RoleBinding(Role.STREET_ADMIN, SHUANGGANG));
    static final Caller DISTRICT_ADMIN = caller(new RoleBinding(Role.DISTRICT_ADMIN, "120112"));
    static final Caller AUDITOR = caller(new RoleBinding(Role.AUDITOR, "120112"));

    static Caller caller(RoleBinding... bindings) {
        return new Caller("u", "U", List.of(bindings), false);
    }

    @Test
    void nodeInScopeIsAdmittedWithTheCallersScopes() throws ApiException {
        Gate.Decision d = Gate.check(Access.node("street", Role.STREET_ADMIN, Role.DISTRICT_ADMIN), STREET_ADMIN,
                request(Map.of("street", SHUANGGANG), Map.of()));
        assertTrue(d.admitted());
        assertEquals(Set.of(SHUANGGANG), d.scopes());
        assertTrue(Gate.check(Access.node("community", Role.STREET_ADMIN), STREET_ADMIN,
                request(Map.of("community", SHUANGGANG + "001"), Map.of())).admitted());
    }

    @Test
    void foreignStreetIsAnsweredLikeAMissingObject() throws ApiException {
        Gate.Decision d = Gate.check(Access.node("street", Role.STREET_ADMIN), STREET_ADMIN,
                request(Map.of("street", SHUANGXIN), Map.of()));
        assertEquals(404, d.refusal().status());
        assertEquals(SHUANGXIN, d.node());
        // a code that merely starts like ours but is shorter is above us, not below
        assertEquals(404, Gate.check(Access.node("street", Role.STREET_ADMIN), STREET_ADMIN,
                request(Map.of("street", "120112"), Map.of())).refusal().status());
    }

    @Test
    void areaAdmitsCallersAboveAtOrInsideTheNodeWithTheirPartOfIt() throws ApiException {
        Access access = Access.area("street", Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY);
        ApiRequest shuanggang = request(Map.of("street", SHUANGGANG), Map.of());
        assertEquals(Set.of(SHUANGGANG), Gate.check(access, DISTRICT_ADMIN, shuanggang).scopes());
        assertEquals(Set.of(SHUANGGANG), Gate.check(access, STREET_ADMIN, shuanggang).scopes());
        Caller secretary = caller(new RoleBinding(Role.COMMUNITY_SECRETARY, SHUANGGANG + "001"),
                new RoleBinding(Role.COMMUNITY_SECRETARY, SHUANGXIN + "002"));
        Gate.Decision d = Gate.check(access, secretary, shuanggang);
        assertTrue(d.admitted());
        assertEquals(Set.of(SHUANGGANG + "001"), d.scopes(), "only the part inside the area");
        // another street: the same 404 as a missing one
        assertEquals(404, Gate.check(access, STREET_ADMIN, request(Map.of("street", SHUANGXIN), Map.of()))
                .refusal().status());
        assertEquals(404, Gate.check(access, caller(new RoleBinding(Role.COMMUNITY_SECRETARY, SHUANGXIN + "002")),
                shuanggang).refusal().status());
        // a role the area does not serve
        assertEquals(403, Gate.check(Access.area("street", Role.STREET_ADMIN), secretary, shuanggang).refusal()
                .status());
    }

    @Test
    void resolverNodesMustAllBeCovered() throws ApiException {
        Access access = Access.node(r -> List.of(SHUANGGANG + "001", SHUANGXIN + "001"), Role.STREET_ADMIN,
                Role.DISTRICT_ADMIN);
        assertEquals(404, Gate.check(access, STREET_ADMIN, request(Map.of(), Map.of())).refusal().status());
        Access missing = Access.node(r -> List.of(), Role.STREET_ADMIN);
        assertEquals(404, Gate.check(missing, STREET_ADMIN, request(Map.of(), Map.of())).refusal().status());
        assertTrue(Gate.check(access, DISTRICT_ADMIN, request(Map.of(), Map.of())).admitted());
    }

    @Test
    void roleMissingIs403AndAnonymousIs401() throws ApiException {
        Access access = Access.node("street", Role.STREET_ADMIN, Role.DISTRICT_ADMIN);
        ApiRequest r = request(Map.of("street", SHUANGGANG), Map.of());
        assertEquals(403, Gate.check(access, AUDITOR, r).refusal().status());
        assertEquals(401, Gate.check(access, Caller.ANONYMOUS, r).refusal().status());
        assertEquals(401, Gate.check(Access.signedIn(), Caller.ANONYMOUS, r).refusal().status());
        assertTrue(Gate.check(Access.publicRoute(), Caller.ANONYMOUS, r).admitted());
    }

    @Test
    void passwordChangeComesFirst() throws ApiException {
        Caller fresh = new Caller("u", "U", List.of(new RoleBinding(Role.DISTRICT_ADMIN, "120112")), true);
        ApiRequest r = request(Map.of("street", SHUANGGANG), Map.of());
        ApiException refusal = Gate.check(Access.node("street", Role.DISTRICT_ADMIN), fresh, r).refusal();
        assertEquals("password-change-required", refusal.code());
        assertTrue(Gate.check(Access.signedIn(), fresh, r).admitted());
    }

    @Test
    void listingFiltersAreCheckedWhenGiven() throws ApiException {
        Access access = Access.within(Role.STREET_ADMIN).filteredBy("street", "community");
        assertTrue(Gate.check(access, STREET_ADMIN, request(Map.of(), Map.of())).admitted());
        assertTrue(Gate.check(access, STREET_ADMIN, request(Map.of(), Map.of("street", SHUANGGANG))).admitted());
        Gate.Decision foreign = Gate.check(access, STREET_ADMIN,
                request(Map.of(), Map.of("community", SHUANGXIN + "001")));
        assertEquals(404, foreign.refusal().status());
        assertNull(Gate.check(access, STREET_ADMIN, request(Map.of(), Map.of())).node());
    }

    @Test
    void scopesAreTheTopmostNodes() {
        Caller both = caller(new RoleBinding(Role.STREET_ADMIN, SHUANGGANG),
                new RoleBinding(Role.COMMUNITY_SECRETARY, SHUANGGANG + "001"),
                new RoleBinding(Role.COMMUNITY_SECRETARY, SHUANGXIN + "002"));
        assertEquals(Set.of(SHUANGGANG, SHUANGXIN + "002"),
                both.nodes(Set.of(Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY)));
        assertEquals(Set.of(SHUANGGANG + "001", SHUANGXIN + "002"), both.nodes(Set.of(Role.COMMUNITY_SECRETARY)));
    }

    @Test
    void grantedRolesAdmitAtTheirNodeOnlyAndCoreRolesWithoutThemAreRefused() throws ApiException {
        Access access = Access.areaGranted("street", "mediation:MEDIATOR");
        String community = SHUANGGANG + "001";
        Caller mediator = caller(new RoleBinding(Role.LEADER, SHUANGXIN + "001B001"));
        java.util.function.Function<String, List<org.loumen.web.GrantedRoles.Grant>> grants = u -> List.of(
                new org.loumen.web.GrantedRoles.Grant("mediation:MEDIATOR", community),
                new org.loumen.web.GrantedRoles.Grant("other:MEDIATOR", SHUANGXIN));
        Gate.Decision here = Gate.check(access, mediator, request(Map.of("street", SHUANGGANG), Map.of()), grants);
        assertTrue(here.admitted());
        assertEquals(Set.of(community), here.scopes());
        assertEquals(404, Gate.check(access, mediator, request(Map.of("street", SHUANGXIN), Map.of()), grants)
                .refusal().status());
        assertEquals(403, Gate.check(access, STREET_ADMIN, request(Map.of("street", SHUANGGANG), Map.of()),
                u -> List.of()).refusal().status());
        // without the grants service a granted role admits nobody
        assertEquals(403, Gate.check(access, mediator, request(Map.of("street", SHUANGGANG), Map.of())).refusal()
                .status());
    }

    private static ApiRequest request(Map<String, String> params, Map<String, String> query) {
        return new ApiRequest() {
            public String method() {
                return "GET";
            }

            public String path() {
                return "/test";
            }

            public String pathParam(String name) {
                return params.get(name);
            }

            public Optional<String> query(String name) {
                return Optional.ofNullable(query.get(name));
            }

            public List<String> queryAll(String name) {
                return query.containsKey(name) ? List.of(query.get(name)) : List.of();
            }

            public int queryInt(String name, int d, int min, int max) {
                return d;
            }

            public byte[] bytes() {
                throw new UnsupportedOperationException();
            }

            public boolean hasBody() {
                return false;
            }

            public <T> T body(Class<T> type) {
                throw new UnsupportedOperationException();
            }

            public String remoteAddress() {
                return "127.0.0.1";
            }

            public Optional<String> header(String name) {
                return Optional.empty();
            }

            public Caller caller() {
                return Caller.ANONYMOUS;
            }

            public Set<String> scopes() {
                return Set.of();
            }

            public void auditDetail(String detail) {
                // not audited here
            }
        };
    }
}
