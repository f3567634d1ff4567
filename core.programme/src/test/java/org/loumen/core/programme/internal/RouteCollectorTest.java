package org.loumen.core.programme.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.loumen.security.Role;

class RouteCollectorTest {

    static final Set<Role> STAFF = EnumSet.of(Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY);

    @Test
    void routesServeTheProgrammesRolesUnlessTheyNameNarrowerOnes() {
        RouteCollector routes = new RouteCollector(STAFF);
        routes.get("/teams", r -> null).post("/teams/{team}/members", r -> null, Role.STREET_ADMIN);
        assertEquals(STAFF, routes.specs().get(0).roles());
        assertEquals(Set.of(Role.STREET_ADMIN), routes.specs().get(1).roles());
        assertEquals("POST /teams/{}/members", routes.specs().get(1).shape());
    }

    @Test
    void malformedClashingOrPlatformRoutesAreRefused() {
        RouteCollector routes = new RouteCollector(STAFF);
        routes.get("/teams/{team}", r -> null);
        for (String bad : new String[] { "teams", "/", "/teams/", "/a//b", "/{street}/x", "/a b", "/{1x}" }) {
            assertThrows(IllegalArgumentException.class, () -> routes.get(bad, r -> null), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> routes.get("/teams/{other}", r -> null),
                "same shape as /teams/{team}");
        assertThrows(IllegalArgumentException.class, () -> routes.put("/x", null));
        routes.put("/teams/{team}", r -> null); // another method is another route
        assertEquals(2, routes.specs().size());
    }
}
