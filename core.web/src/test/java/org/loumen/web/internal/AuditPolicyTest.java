package org.loumen.web.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.loumen.security.AuditRecord;
import org.loumen.security.AuditRecord.Outcome;
import org.loumen.security.AuditTrail;
import org.loumen.security.Caller;
import org.loumen.security.Role;
import org.loumen.web.Access;
import org.loumen.web.ApiException;

import jakarta.servlet.http.HttpServletRequest;

class AuditPolicyTest {

    private static final Caller ALICE = new Caller("alice", "Alice", List.of(), false);

    private static RouteTable.Route route(String method, String template, Access access) {
        RouteTable table = new RouteTable();
        table.add(new Object(), "test", method, template, access, r -> null);
        return table.all().get(0);
    }

    private static HttpServletRequest get(String path, String query) {
        return ServletFakes.request("GET", path, query, null, null, Map.of());
    }

    @Test
    void writesAndPersonalDataReadsAreAuditedPlainReadsAreNot() {
        Access signedIn = Access.within(Role.DISTRICT_ADMIN);
        assertTrue(AuditPolicy.isWrite(route("POST", "/leaders", signedIn)));
        assertTrue(AuditPolicy.audits(route("DELETE", "/leaders/{id}", signedIn)));
        assertFalse(AuditPolicy.isWrite(route("POST", "/auth/login", signedIn.auditedByHandler())));
        assertFalse(AuditPolicy.audits(route("GET", "/streets", signedIn)));
        assertFalse(AuditPolicy.isWrite(route("GET", "/households", signedIn.personalData())));
        assertTrue(AuditPolicy.audits(route("GET", "/households", signedIn.personalData())));
    }

    @Test
    void anEntryNamesTheRouteTemplateThePathWithQueryAndTheActor() {
        AuditRecord e = AuditPolicy.entry(route("PUT", "/leaders/{id}", Access.signedIn()),
                get("/leaders/7", "force=true"), ALICE, "120112103001", Outcome.SUCCESS, 200, "detail");
        assertEquals(new AuditRecord("alice", "192.0.2.7", "PUT /leaders/{id}", "/leaders/7?force=true",
                "120112103001", Outcome.SUCCESS, 200, "detail"), e);
        AuditRecord anonymous = AuditPolicy.entry(route("GET", "/x", Access.signedIn()), get(null, null),
                Caller.ANONYMOUS, null, Outcome.DENIED, 401, "unauthorized");
        assertEquals("anonymous", anonymous.actor());
        assertEquals("/", anonymous.object());
    }

    @Test
    void aLongObjectIsCutAtFiveHundredCharacters() {
        AuditRecord e = AuditPolicy.entry(route("GET", "/x", Access.signedIn()), get("/x", "q=" + "a".repeat(900)),
                ALICE, null, Outcome.SUCCESS, 200, null);
        assertEquals(AuditPolicy.MAX_OBJECT, e.object().length());
        assertTrue(e.object().startsWith("/x?q=aaa"));
    }

    @Test
    void aPersonalDataReadIsRefusedWhenTheTrailCannotStoreIt() {
        AuditTrail broken = entry -> {
            throw new IllegalStateException("disk full");
        };
        AuditPolicy policy = new AuditPolicy(() -> broken);
        ApiException refused = assertThrows(ApiException.class, () -> policy.record(
                route("GET", "/households", Access.signedIn().personalData()), get("/households", null), ALICE,
                null, Outcome.SUCCESS, 200, null));
        assertEquals(503, refused.status());
        assertEquals("audit-unavailable", refused.code());
        // a write is done already: its lost record is logged, not answered
        assertDoesNotThrow(() -> policy.record(route("POST", "/leaders", Access.signedIn()),
                get("/leaders", null), ALICE, null, Outcome.SUCCESS, 201, null));
        // without any trail, personal data is refused too
        assertThrows(ApiException.class, () -> new AuditPolicy(() -> null).record(
                route("GET", "/households", Access.signedIn().personalData()), get("/households", null), ALICE,
                null, Outcome.SUCCESS, 200, null));
    }

    @Test
    void refusalsAreRecordedQuietly() {
        List<AuditRecord> stored = new ArrayList<>();
        new AuditPolicy(() -> stored::add).recordQuietly(route("POST", "/leaders", Access.signedIn()),
                get("/leaders", null), ALICE, "120112", Outcome.DENIED, 403, "forbidden");
        assertEquals(1, stored.size());
        assertEquals(Outcome.DENIED, stored.get(0).outcome());
        assertEquals(403, stored.get(0).status());
        AuditTrail broken = entry -> {
            throw new IllegalStateException("disk full");
        };
        assertDoesNotThrow(() -> new AuditPolicy(() -> broken).recordQuietly(route("POST", "/leaders",
                Access.signedIn()), get("/leaders", null), ALICE, null, Outcome.FAILURE, 400, "bad"));
        assertDoesNotThrow(() -> new AuditPolicy(() -> null).recordQuietly(route("POST", "/leaders",
                Access.signedIn()), get("/leaders", null), ALICE, null, Outcome.FAILURE, 400, "bad"));
    }
}
