package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.loumen.security.AuditRecord;
import org.loumen.security.AuditRecord.Outcome;
import org.loumen.security.AuditTrail;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Searching the audit log (审计查询) read in its order's index: newest first, pages that neither skip nor repeat an
 * entry, totals exact up to the cap and "more than" above it, each filter applied (prefixes taken literally), on Derby
 * and on PostgreSQL alike.
 */
class AuditSearchIT extends PlatformTest {

    /** AuditSearch's cap. */
    private static final int CAP = 1_000;

    @InjectService
    AuditTrail trail;

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Appends entries of one actor from several threads at once, as requests do. */
    private void record(String actor, int count, String action, String node, Outcome outcome) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                done.add(pool.submit(() -> trail.record(new AuditRecord(actor, "127.0.0.1", action, "object-" + n,
                        node, outcome, outcome == Outcome.SUCCESS ? 200 : 403, null))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static JsonNode page(Http caller, String query) throws Exception {
        Http.Response r = caller.get("/api/v1/audit?" + query);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    @Test
    void pagesNewestFirstWithoutGapsAndCountsUpToTheCap() throws Exception {
        Http admin = admin();
        String actor = "as-" + UUID.randomUUID().toString().substring(0, 8);
        record(actor, CAP + 30, "GET /leaders", SHUANGGANG, Outcome.SUCCESS);

        JsonNode first = page(admin, "actor=" + actor + "&size=200");
        assertTrue(first.get("totalCapped").asBoolean(), first.get("total").toString());
        assertEquals(CAP, first.get("total").asInt());
        Set<Long> seen = new HashSet<>();
        long lastSeq = Long.MAX_VALUE;
        Instant lastAt = Instant.MAX;
        for (int page = 1;; page++) {
            JsonNode p = page(admin, "actor=" + actor + "&size=200&page=" + page);
            for (JsonNode e : p.get("items")) {
                assertEquals(actor, e.get("actor").asText());
                assertTrue(seen.add(e.get("seq").asLong()), "twice: " + e);
                Instant at = Instant.parse(e.get("at").asText());
                long seq = e.get("seq").asLong();
                // newest first: by time, then by sequence
                assertTrue(at.isBefore(lastAt) || at.equals(lastAt) && seq < lastSeq, e + " after " + lastSeq);
                lastAt = at;
                lastSeq = seq;
            }
            if (p.get("items").size() < 200) {
                // the last page knows the exact total
                assertFalse(p.get("totalCapped").asBoolean());
                assertEquals(CAP + 30, p.get("total").asInt());
                break;
            }
        }
        assertEquals(CAP + 30, seen.size());
        // a page past the end: empty, still with a total
        JsonNode beyond = page(admin, "actor=" + actor + "&size=200&page=50");
        assertEquals(0, beyond.get("items").size());
        assertEquals(CAP, beyond.get("total").asInt());
    }

    @Test
    void aTotalUnderTheCapIsCountedAgainAndOnceOverItStaysOver() throws Exception {
        Http admin = admin();
        String actor = "ag-" + UUID.randomUUID().toString().substring(0, 8);
        record(actor, CAP - 10, "GET /leaders", SHUANGGANG, Outcome.SUCCESS);
        JsonNode under = page(admin, "actor=" + actor + "&size=20");
        assertFalse(under.get("totalCapped").asBoolean());
        assertEquals(CAP - 10, under.get("total").asInt());
        // entries written since are counted at the next search: an exact total is never remembered
        record(actor, 5, "GET /leaders", SHUANGGANG, Outcome.SUCCESS);
        assertEquals(CAP - 5, page(admin, "actor=" + actor + "&size=20").get("total").asInt());
        record(actor, 10, "GET /leaders", SHUANGGANG, Outcome.SUCCESS);
        for (int i = 0; i < 2; i++) { // found over the cap, then remembered so: the same answer
            JsonNode over = page(admin, "actor=" + actor + "&size=20");
            assertTrue(over.get("totalCapped").asBoolean());
            assertEquals(CAP, over.get("total").asInt());
            assertEquals(20, over.get("items").size());
        }
        // the last page still knows the exact total
        JsonNode last = page(admin, "actor=" + actor + "&size=200&page=6");
        assertEquals(CAP + 5 - 1_000, last.get("items").size());
        assertFalse(last.get("totalCapped").asBoolean());
        assertEquals(CAP + 5, last.get("total").asInt());
    }

    @Test
    void eachFilterNarrowsAndPrefixesAreLiteral() throws Exception {
        Http admin = admin();
        String actor = "af-" + UUID.randomUUID().toString().substring(0, 8);
        record(actor, 3, "test.x_y", GANGWAN, Outcome.SUCCESS);
        record(actor, 2, "test.xzy", XINHUALI, Outcome.DENIED);
        String mine = "actor=" + actor + "&size=50";

        JsonNode all = page(admin, mine);
        assertEquals(5, all.get("total").asInt());
        assertFalse(all.get("totalCapped").asBoolean());
        // '_' in a prefix is that character, not any one character
        assertEquals(3, page(admin, mine + "&action=" + q("test.x_")).get("total").asInt());
        assertEquals(0, page(admin, mine + "&action=" + q("test.x%")).get("total").asInt());
        assertEquals(2, page(admin, mine + "&outcome=denied").get("total").asInt());
        assertEquals(3, page(admin, mine + "&node=" + GANGWAN.substring(0, 9)).get("total").asInt());
        page(admin, mine + "&node=" + GANGWAN).get("items")
                .forEach(e -> assertEquals(GANGWAN, e.get("node").asText(), e.toString()));
        // dates: entries written just now are inside today, outside a range that ended an hour ago
        Instant now = Instant.now();
        assertEquals(5, page(admin, mine + "&from=" + now.minus(1, ChronoUnit.HOURS)).get("total").asInt());
        assertEquals(0, page(admin, mine + "&to=" + now.minus(1, ChronoUnit.HOURS)).get("total").asInt());
        // without an actor the other filters still find them, newest first
        JsonNode denied = page(admin, "action=" + q("test.xzy") + "&outcome=DENIED&size=200&from="
                + now.minus(1, ChronoUnit.HOURS));
        assertTrue(denied.get("total").asInt() >= 2);
        assertEquals(actor, denied.get("items").get(0).get("actor").asText());
    }

    @Test
    void anOutcomeAloneIsReadInItsOwnIndexNewestFirst() throws Exception {
        Http admin = admin();
        String action = "test.outcome-" + UUID.randomUUID().toString().substring(0, 8);
        record("ao-a", 40, action, GANGWAN, Outcome.SUCCESS);
        record("ao-b", 7, action, XINHUALI, Outcome.FAILURE);
        record("ao-c", 40, action, GANGWAN, Outcome.SUCCESS);

        // the index the search names is there, also in a database made before it was declared
        boolean indexed = false;
        try (var c = PlatformDb.db(); var rs = c.getMetaData().getIndexInfo(null, null,
                c.getMetaData().storesLowerCaseIdentifiers() ? "aud_log" : "AUD_LOG", false, false)) {
            while (rs.next()) {
                indexed |= "AUD_LOG_OUTCOME_RECENT".equalsIgnoreCase(rs.getString("INDEX_NAME"));
            }
        }
        assertTrue(indexed, "AUD_LOG_OUTCOME_RECENT");

        // pages of 3 over the failures only, newest first, none twice, with the action as a second filter
        Set<Long> seen = new HashSet<>();
        long lastSeq = Long.MAX_VALUE;
        Instant lastAt = Instant.MAX;
        for (int n = 1; n <= 3; n++) {
            JsonNode p = page(admin, "outcome=FAILURE&action=" + q(action) + "&size=3&page=" + n);
            assertEquals(7, p.get("total").asInt(), p.toString());
            for (JsonNode e : p.get("items")) {
                assertEquals("FAILURE", e.get("outcome").asText());
                assertEquals("ao-b", e.get("actor").asText());
                long seq = e.get("seq").asLong();
                Instant at = Instant.parse(e.get("at").asText());
                assertTrue(at.isBefore(lastAt) || at.equals(lastAt) && seq < lastSeq, e + " after " + lastSeq);
                assertTrue(seen.add(seq), "twice: " + e);
                lastAt = at;
                lastSeq = seq;
            }
        }
        assertEquals(7, seen.size());
        assertEquals(80, page(admin, "outcome=SUCCESS&action=" + q(action) + "&size=5").get("total").asInt());
    }

    @Test
    void onlyAuditorsAndTheDistrictReadTheLog() throws Exception {
        Http secretary = user("as-secretary", "COMMUNITY_SECRETARY", GANGWAN);
        assertEquals(403, secretary.get("/api/v1/audit?size=5").status());
        assertEquals(400, admin().get("/api/v1/audit?page=0").status());
    }
}
