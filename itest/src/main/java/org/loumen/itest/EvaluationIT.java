package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The semi-annual evaluation through its fixed API: codes per household, secret ballots that rate only the leaders
 * serving the household, one ballot per code even in parallel, unknown codes throttled, the 60% rule on close with
 * its events.
 */
class EvaluationIT extends PlatformTest {

    static final String CSV = "street,community,building,unit,role,name,gender,birth_date,education,party_member,"
            + "phone,nomination\n"
            + "八里台镇,评议测试社区,1号楼,1单元,楼门长,评议甲,女,1970-01-01,本科,是,13600000001,自荐\n"
            + "八里台镇,评议测试社区,1号楼,2单元,楼门长,评议乙,男,1971-01-01,大专,否,13600000002,推荐\n"
            + "八里台镇,评议测试社区,1号楼,,栋长,评议丙,女,1960-01-01,高中,是,13600000003,自荐\n";


    private Http.Response ballot(String code, Map<Long, String> ratings)
            throws java.io.IOException, InterruptedException {
        List<Map<String, String>> list = new ArrayList<>();
        ratings.forEach((leader, rating) -> list.add(Map.of("leader", Long.toString(leader), "rating", rating)));
        return http.json("POST", "/api/v1/ballots", Map.of("code", code, "ratings", list));
    }

    /**
     * One evaluation from its codes to its results, step by step; each step builds on the one before (the class keeps
     * one instance, the steps run in order).
     */
    @Scenario
    @DisplayName("from codes to results")
    class FromCodesToResults {

        Http admin;
        String community;
        final Map<String, Long> leader = new LinkedHashMap<>();
        /** Listens from the opening to the announcements' check (closed there, or after the steps if one failed). */
        EventCollector subscriber;
        long id;
        final List<String> unit1 = new ArrayList<>();
        final List<String> unit2 = new ArrayList<>();
        long a;
        long b;
        long c;

        // not @AutoClose: with the outer class's instance per test, JUnit would close it after every step
        @AfterAll
        void stopListening() {
            if (subscriber != null) {
                subscriber.close();
            }
        }

        @Test
        @Order(1)
        void aCommunityImportsThreeLeadersAndFifteenHouseholds() throws Exception {
            admin = admin();
            assertEquals(200, admin.upload("/api/v1/imports/leaders", CSV).status());
            StringBuilder households = new StringBuilder("street,community,building,unit,room,head_name,members,"
                    + "phone,special_groups\n");
            for (int i = 1; i <= 10; i++) {
                households.append("八里台镇,评议测试社区,1号楼,1单元,1").append(String.format("%02d", i))
                        .append(",住户,2,,\n");
            }
            for (int i = 1; i <= 5; i++) {
                households.append("八里台镇,评议测试社区,1号楼,2单元,2").append(String.format("%02d", i))
                        .append(",住户,2,,\n");
            }
            assertEquals(200, admin.upload("/api/v1/imports/households", households.toString()).status());
            for (JsonNode node : admin.get("/api/v1/streets/120112107/communities").json()) {
                community = node.get("name").asText().equals("评议测试社区") ? node.get("code").asText() : community;
            }
            for (JsonNode l : admin.get("/api/v1/leaders?community=" + community).json().get("items")) {
                leader.put(l.get("name").asText(), l.get("id").asLong());
            }
            a = leader.get("评议甲");
            b = leader.get("评议乙");
            c = leader.get("评议丙");
        }

        @Test
        @Order(2)
        void anEvaluationOpensOncePerPeriodWithOneCodePerHousehold() throws Exception {
            subscriber = EventCollector.listen(ownContext(), "org/loumen/evaluation/*", "org/loumen/leader/*");
            assertEquals(400, admin.json("POST", "/api/v1/evaluations", Map.of("community", community,
                    "period", "2026-H3")).status());
            Http.Response opened = admin.json("POST", "/api/v1/evaluations", Map.of("community", community,
                    "period", "2026-H1"));
            assertEquals(201, opened.status(), opened.body());
            id = opened.json().get("id").asLong();
            assertEquals(15, opened.json().get("codes").asInt(), "one code per household");
            Http.Response again = admin.json("POST", "/api/v1/evaluations", Map.of("community", community,
                    "period", "2026-H1"));
            assertEquals(409, again.status());
        }

        @Test
        @Order(3)
        void theCodesArePrintedWithTheirAddresses() throws Exception {
            String list = ballotCodeList(admin, id); // answered 200
            unit1.addAll(ballotCodes(admin, id, "1号楼1单元"));
            unit2.addAll(ballotCodes(admin, id, "1号楼2单元"));
            assertEquals(10, unit1.size(), list);
            assertEquals(5, unit2.size());
            assertTrue(unit1.get(0).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"), unit1.get(0));
        }

        @Test
        @Order(4)
        void aHouseholdRatesOnlyTheLeadersServingItsUnitOrBuilding() throws Exception {
            Http.Response wrong = ballot(unit2.get(0), Map.of(a, "SATISFIED"));
            assertEquals(400, wrong.status());
            assertEquals("ratings[0].leader", wrong.json().get("field").asText());
        }

        @Test
        @Order(5)
        void eachCodeVotesOnceEvenSentByEightClientsAtOnce() throws Exception {
            // unit 1: 甲 gets 6 of 10 (60.00: retained); 丙 (the building leader) 8 of 15 (53.33: not re-appointed)
            for (int i = 0; i < 10; i++) {
                Http.Response r = ballot(unit1.get(i).toLowerCase(), Map.of(a, i < 4 ? "SATISFIED" : i < 6
                        ? "FAIRLY_SATISFIED" : "DISSATISFIED", c, i < 5 ? "SATISFIED" : "DISSATISFIED"));
                assertEquals(201, r.status(), r.body());
            }
            assertEquals(409, ballot(unit1.get(0), Map.of(c, "SATISFIED")).status(), "a code votes once");
            // five codes of unit 2, each sent by eight clients at once: exactly one ballot per code
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                for (int k = 0; k < 5; k++) {
                    String code = unit2.get(k);
                    String rating = k < 3 ? "SATISFIED" : "DISSATISFIED";
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<Integer>> results = new ArrayList<>();
                    for (int t = 0; t < 8; t++) {
                        results.add(pool.submit(() -> {
                            go.await();
                            return ballot(code, Map.of(c, rating)).status();
                        }));
                    }
                    go.countDown();
                    int created = 0;
                    int used = 0;
                    for (Future<Integer> f : results) {
                        int s = f.get(30, TimeUnit.SECONDS);
                        created += s == 201 ? 1 : 0;
                        used += s == 409 ? 1 : 0;
                    }
                    assertEquals(1, created, "code " + k);
                    assertEquals(7, used);
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(15, admin.get("/api/v1/evaluations/" + id).json().get("ballots").asInt());
        }

        @Test
        @Order(6)
        void closingAppliesTheSixtyPercentRuleToEachLeader() throws Exception {
            Http.Response closed = admin.send("POST", "/api/v1/evaluations/" + id + "/close", null, null);
            assertEquals(200, closed.status(), closed.body());
            assertEquals(409, admin.send("POST", "/api/v1/evaluations/" + id + "/close", null, null).status(),
                    "CLOSED is final");
            Map<Long, JsonNode> results = new LinkedHashMap<>();
            for (JsonNode r : admin.get("/api/v1/evaluations/" + id + "/results").json()) {
                results.put(r.get("leader").asLong(), r);
            }
            assertEquals(10, results.get(a).get("ballots").asInt());
            assertTrue(admin.get("/api/v1/evaluations/" + id + "/results").body().contains(
                    "\"satisfactionPercent\":60.00"), "two decimals on the wire");
            assertEquals("RETAINED", results.get(a).get("outcome").asText());
            assertEquals(15, results.get(c).get("ballots").asInt());
            assertEquals(8, results.get(c).get("satisfied").asInt());
            assertEquals(7, results.get(c).get("dissatisfied").asInt());
            assertEquals("NOT_REAPPOINTED", results.get(c).get("outcome").asText());
            assertEquals(0, results.get(b).get("ballots").asInt());
            assertEquals("INSUFFICIENT_BALLOTS", results.get(b).get("outcome").asText());
            assertEquals("NOT_REAPPOINTED", admin.get("/api/v1/leaders/" + c).json().get("status").asText());
            assertEquals("IN_SERVICE", admin.get("/api/v1/leaders/" + a).json().get("status").asText());
            assertEquals(409, ballot(unit2.get(0), Map.of(c, "SATISFIED")).status(), "closed");
        }

        @Test
        @Order(7)
        void theOpeningTheLeadersMovesAndTheCloseAreAnnounced() throws Exception {
            List<Event> seen = subscriber.seen();
            try {
                Http.until(() -> http.get("/api/v1/health"), x -> seen.stream().anyMatch(
                        e -> e.getTopic().equals("org/loumen/leader/NOT_REAPPOINTED")
                                && Long.valueOf(c).equals(e.getProperty("leader"))), 10, "NOT_REAPPOINTED event");
                // CLOSED is posted after the leaders' moves, and delivered asynchronously: wait for it too
                Http.until(() -> http.get("/api/v1/health"), x -> seen.stream().anyMatch(
                        e -> e.getTopic().equals("org/loumen/evaluation/CLOSED")
                                && Long.valueOf(id).equals(e.getProperty("evaluation"))), 10, "CLOSED event");
                assertTrue(seen.stream().anyMatch(e -> e.getTopic().equals("org/loumen/evaluation/OPENED")));
            } finally {
                subscriber.close();
                subscriber = null;
            }
        }

        @Test
        @Order(8)
        void guessingCodesIsThrottledPerClient(@InjectService ConfigurationAdmin configAdmin) throws Exception {
            Configuration config = configAdmin.getConfiguration("org.loumen.evaluation", "?");
            try {
                config.update(new Hashtable<>(Map.of("codeFreeFailures", 3)));
                Http.Response last = Http.until(() -> ballot("0000-0000-0000", Map.of(1L, "SATISFIED")),
                        r -> r.status() == 429, 20, "429 after three unknown codes");
                assertEquals("too-many-attempts", last.json().get("error").asText());
            } finally {
                config.delete();
            }
            Http.Response unknown = Http.until(() -> ballot("0000-0000-0000", Map.of(1L, "SATISFIED")),
                    r -> r.status() == 404, 20, "404 again once the settings are back");
            assertEquals("not-found", unknown.json().get("error").asText());
        }
    }
}
