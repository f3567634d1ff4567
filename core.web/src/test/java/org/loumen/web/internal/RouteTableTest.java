package org.loumen.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.loumen.web.Access;
import org.loumen.web.Handler;

class RouteTableTest {

    private final RouteTable table = new RouteTable();
    private final Object owner = new Object();
    private static final Access ANY = Access.publicRoute();
    private final Handler a = r -> "a";
    private final Handler b = r -> "b";

    @Test
    void bindsPathParameters() {
        table.add(owner, "test", "GET", "/streets/{street}/communities", ANY, a);
        RouteTable.Found f = assertInstanceOf(RouteTable.Found.class,
                table.match("GET", "/streets/120112103/communities"));
        assertSame(a, f.route().handler());
        assertEquals(Map.of("street", "120112103"), f.params());
    }

    @Test
    void literalSegmentsWinOverParameters() {
        table.add(owner, "test", "GET", "/streets/{street}", ANY, a);
        table.add(owner, "test", "GET", "/streets/count", ANY, b);
        assertSame(b, ((RouteTable.Found) table.match("GET", "/streets/count")).route().handler());
        assertSame(a, ((RouteTable.Found) table.match("GET", "/streets/120112103")).route().handler());
    }

    @Test
    void wrongMethodListsTheAllowedOnes() {
        table.add(owner, "test", "GET", "/district", ANY, a);
        table.add(owner, "test", "PUT", "/district", ANY, b);
        RouteTable.MethodNotAllowed m = assertInstanceOf(RouteTable.MethodNotAllowed.class,
                table.match("POST", "/district"));
        assertEquals(Set.of("GET", "PUT"), m.allowed());
    }

    @Test
    void unknownPathsAndEmptySegmentsDoNotMatch() {
        table.add(owner, "test", "GET", "/streets/{street}", ANY, a);
        assertInstanceOf(RouteTable.NotFound.class, table.match("GET", "/streets"));
        assertInstanceOf(RouteTable.NotFound.class, table.match("GET", "/streets//"));
        assertInstanceOf(RouteTable.NotFound.class, table.match("GET", "/streets/1/2"));
        assertInstanceOf(RouteTable.Found.class, table.match("GET", "/streets/1/"));
    }

    @Test
    void aClashingOrMalformedRouteIsRefused() {
        table.add(owner, "test", "GET", "/streets/{street}", ANY, a);
        assertThrows(IllegalArgumentException.class, () -> table.add(new Object(), "test", "GET", "/streets/{code}", ANY, b));
        assertThrows(IllegalArgumentException.class, () -> table.add(owner, "test", "GET", "streets", ANY, b));
        assertThrows(IllegalArgumentException.class, () -> table.add(owner, "test", "GET", "/a/{b", ANY, b));
        assertThrows(IllegalArgumentException.class, () -> table.add(owner, "test", "GET", "/a//b", ANY, b));
    }

    @Test
    void removingAnOwnerDropsOnlyItsRoutes() {
        Object other = new Object();
        table.add(owner, "test", "GET", "/a", ANY, a);
        table.add(other, "test", "GET", "/b", ANY, b);
        table.removeAll(owner);
        assertInstanceOf(RouteTable.NotFound.class, table.match("GET", "/a"));
        assertInstanceOf(RouteTable.Found.class, table.match("GET", "/b"));
    }
}
