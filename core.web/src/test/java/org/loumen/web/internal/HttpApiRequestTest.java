package org.loumen.web.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.loumen.security.AuditRecord;
import org.loumen.security.Caller;
import org.loumen.web.ApiException;

class HttpApiRequestTest {

    /** A body the tests read. */
    public record Named(String name, int floors) {
    }

    private static HttpApiRequest request(String contentType, String body, Map<String, String[]> params) {
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        return new HttpApiRequest(ServletFakes.request("POST", "/buildings/7", null, contentType, bytes, params),
                "/buildings/7", Map.of("id", "7"), 64, 128);
    }

    @Test
    void aJsonBodyIsReadStrictlyAndAlsoAsBytes() throws Exception {
        HttpApiRequest r = request("application/json", "{\"name\":\"一号楼\",\"floors\":6}", Map.of());
        assertEquals(new Named("一号楼", 6), r.body(Named.class));
        assertArrayEquals("{\"name\":\"一号楼\",\"floors\":6}".getBytes(StandardCharsets.UTF_8), r.bytes());
        assertTrue(r.hasBody());
    }

    @Test
    void badBodiesAreFourHundredsNamingTheField() {
        ApiException unknown = assertThrows(ApiException.class,
                () -> request("application/json", "{\"name\":\"x\",\"floors\":1,\"nam\":\"y\"}", Map.of()).body(Named.class));
        assertEquals(400, unknown.status());
        assertEquals("nam", unknown.field());
        ApiException wrongType = assertThrows(ApiException.class,
                () -> request("application/json", "{\"name\":5}", Map.of()).body(Named.class));
        assertEquals("invalid-field", wrongType.code());
        assertEquals("name", wrongType.field());
        assertEquals(415, assertThrows(ApiException.class,
                () -> request("text/plain", "{}", Map.of()).body(Named.class)).status());
        ApiException missing = assertThrows(ApiException.class,
                () -> request("application/json", "", Map.of()).body(Named.class));
        assertEquals(HttpApiRequest.MISSING_BODY, missing.code());
        assertEquals(HttpApiRequest.MISSING_BODY, assertThrows(ApiException.class,
                () -> request("text/csv", "", Map.of()).bytes()).code());
    }

    @Test
    void bodiesOverTheLimitsAre413() {
        String big = "{\"name\":\"" + "x".repeat(80) + "\",\"floors\":1}";
        assertEquals(413, assertThrows(ApiException.class,
                () -> request("application/json", big, Map.of()).body(Named.class)).status());
        HttpApiRequest upload = request("text/csv", "x".repeat(200), Map.of());
        assertEquals(413, assertThrows(ApiException.class, upload::bytes).status());
        assertEquals(413, assertThrows(ApiException.class, upload::hasBody).status());
    }

    @Test
    void queryAndPathParameters() throws Exception {
        HttpApiRequest r = request(null, null, Map.of("page", new String[] { " 3 " }, "tag", new String[] { "a", "b" },
                "blank", new String[] { "  " }, "size", new String[] { "x" }));
        assertEquals("7", r.pathParam("id"));
        assertThrows(IllegalArgumentException.class, () -> r.pathParam("street"));
        assertEquals(Optional.of("3"), r.query("page"));
        assertEquals(Optional.empty(), r.query("blank"));
        assertEquals(List.of("a", "b"), r.queryAll("tag"));
        assertEquals(List.of(), r.queryAll("none"));
        assertEquals(3, r.queryInt("page", 1, 1, 10));
        assertEquals(1, r.queryInt("missing", 1, 1, 10));
        ApiException bad = assertThrows(ApiException.class, () -> r.queryInt("size", 20, 1, 100));
        assertEquals("size", bad.field());
        assertEquals(400, assertThrows(ApiException.class, () -> r.queryInt("page", 1, 5, 10)).status());
        assertEquals("POST", r.method());
        assertEquals("/buildings/7", r.path());
        assertEquals("192.0.2.7", r.remoteAddress());
    }

    @Test
    void theCallerAndScopesAreThoseAdmitted() {
        HttpApiRequest r = request(null, null, Map.of());
        assertEquals(Caller.ANONYMOUS, r.caller());
        assertEquals(Set.of(), r.scopes());
        Caller alice = new Caller("alice", "Alice", List.of(), false);
        r.admit(alice, Set.of("120112103"));
        r.auditDetail("imported 3");
        assertEquals(alice, r.caller());
        assertEquals(Set.of("120112103"), r.scopes());
        assertEquals("imported 3", r.auditDetail());
        assertFalse(r.scopes().isEmpty());
    }

    @Test
    void aHandlerMayCommitItsSuccessEntryWithItsWriteAndTheDispatcherThenRecordsNoOther() {
        HttpApiRequest plain = request("application/json", "{}", Map.of());
        assertEquals(Optional.empty(), plain.auditEntry(201), "a route the dispatcher does not audit has none");
        plain.audited();
        assertFalse(plain.isAudited());

        HttpApiRequest r = request("application/json", "{}", Map.of());
        r.auditedBy(status -> new AuditRecord("anonymous", "10.0.0.1", "POST /ballots", "/ballots", null,
                AuditRecord.Outcome.SUCCESS, status, null));
        AuditRecord entry = r.auditEntry(201).orElseThrow();
        assertEquals(201, entry.status());
        assertEquals("POST /ballots", entry.action());
        assertFalse(r.isAudited(), "only once the handler says its entry is committed");
        r.audited();
        assertTrue(r.isAudited());
    }
}
