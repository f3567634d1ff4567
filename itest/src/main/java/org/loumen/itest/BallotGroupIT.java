package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loumen.itest.PlatformDb.count;
import static org.loumen.itest.PlatformDb.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Ballots written in group commits (选票组提交), on Derby and on PostgreSQL: many ballots sent at once, each code twice
 * (so that both copies often land in the same group), give exactly one accepted ballot per code, each counted once in
 * the results; refused ballots among them (400) leave their codes unused. The results read running totals kept in
 * the ballots' own transactions, which equal a recount; each accepted ballot's audit entry is committed with it.
 */
class BallotGroupIT extends PlatformTest {

    static final String LEADERS = "street,community,building,unit,role,name,gender,birth_date,education,party_member,"
            + "phone,nomination\n"
            + "八里台镇,组提交评议社区,1号楼,1单元,楼门长,组评甲,女,1970-01-01,本科,是,13600000201,自荐\n"
            + "八里台镇,组提交评议社区,1号楼,,栋长,组评乙,男,1960-01-01,高中,是,13600000202,自荐\n";
    static final int HOUSEHOLDS = 48;

    @Test
    void eachCodeCountsOnceWhenManyBallotsArriveTogether() throws Exception {
        Http admin = admin();
        long id = openEvaluation(admin, "组提交评议社区", LEADERS, HOUSEHOLDS);
        JsonNode sheets = admin.get("/api/v1/evaluations/" + id + "/ballot-sheets").json();
        assertEquals(HOUSEHOLDS, sheets.size());
        JsonNode ballotOf = http.json("POST", "/api/v1/public/ballots/lookup", Map.of("code",
                sheets.get(0).get("code").asText())).json();
        long unitLeader = ballotOf.get("leaders").get(0).get("id").asLong();
        long buildingLeader = ballotOf.get("leaders").get(1).get("id").asLong();

        // every code sent twice, the two copies next to each other, from 32 clients at once; one household in six
        // sends a malformed second rating (a leader serving elsewhere): refused 400 before anything is written
        List<Map<String, Object>> bodies = new ArrayList<>();
        int satisfied = 0;
        int accepted = 0;
        for (int i = 0; i < HOUSEHOLDS; i++) {
            String code = sheets.get(i).get("code").asText();
            String rating = i % 3 == 0 ? "DISSATISFIED" : "SATISFIED";
            boolean bad = i % 6 == 5;
            List<Map<String, String>> ratings = List.of(Map.of("leader", Long.toString(unitLeader), "rating", rating),
                    Map.of("leader", Long.toString(bad ? 999_999_999L : buildingLeader), "rating", "FAIRLY_SATISFIED"));
            for (int copy = 0; copy < 2; copy++) {
                bodies.add(Map.of("code", copy == 0 ? code : code.toLowerCase(), "ratings", ratings));
            }
            if (!bad) {
                accepted++;
                satisfied += rating.equals("SATISFIED") ? 1 : 0;
            }
        }
        long acceptedEntries = count("select count(*) from AUD_LOG where ACTION_NAME = 'POST /ballots' "
                + "and OUTCOME = 'SUCCESS' and HTTP_STATUS = 201");
        long usedEntries = count("select count(*) from AUD_LOG where ACTION_NAME = 'POST /ballots' "
                + "and OUTCOME = 'FAILURE' and HTTP_STATUS = 409");
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> sent = new ArrayList<>();
            for (Map<String, Object> body : bodies) {
                sent.add(pool.submit(() -> {
                    go.await();
                    Http.Response r = http.json("POST", "/api/v1/ballots", body);
                    assertTrue(r.status() == 201 || r.status() == 409 || r.status() == 400, r.status() + " "
                            + r.body());
                    statuses.add(r.status());
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(accepted, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(accepted, statuses.stream().filter(s -> s == 409).count(), "the other copy of each: code-used");
        assertEquals(2 * (HOUSEHOLDS - accepted), statuses.stream().filter(s -> s == 400).count());
        assertEquals(accepted, admin.get("/api/v1/evaluations/" + id).json().get("ballots").asInt());
        assertEquals(HOUSEHOLDS - accepted, admin.get("/api/v1/evaluations/" + id + "/ballot-sheets").json().size(),
                "the refused households can still vote");

        // the results count each accepted ballot once
        Map<Long, JsonNode> results = new java.util.HashMap<>();
        for (JsonNode r : admin.get("/api/v1/evaluations/" + id + "/results").json()) {
            results.put(r.get("leader").asLong(), r);
        }
        assertEquals(accepted, results.get(unitLeader).get("ballots").asInt());
        assertEquals(satisfied, results.get(unitLeader).get("satisfied").asInt());
        assertEquals(accepted - satisfied, results.get(unitLeader).get("dissatisfied").asInt());
        assertEquals(accepted, results.get(buildingLeader).get("ballots").asInt());
        assertEquals(accepted, results.get(buildingLeader).get("fairlySatisfied").asInt());

        // the running totals the results read equal a recount of the ratings
        assertTalliesEqualRecount(id);
        // each accepted ballot's entry committed with it (one per 201), each refused copy's by the dispatcher, once
        // each, and the chain intact and its head at the last entry
        assertEquals(acceptedEntries + accepted, count("select count(*) from AUD_LOG where ACTION_NAME = "
                + "'POST /ballots' and OUTCOME = 'SUCCESS' and HTTP_STATUS = 201"));
        assertEquals(usedEntries + accepted, count("select count(*) from AUD_LOG where ACTION_NAME = "
                + "'POST /ballots' and OUTCOME = 'FAILURE' and HTTP_STATUS = 409"));
        JsonNode verify = admin.get("/api/v1/audit/verify").json();
        assertTrue(verify.get("intact").asBoolean(), verify.toString());
        assertEquals(count("select max(SEQ) from AUD_LOG"), count("select LAST_SEQ from AUD_HEAD where ID = 1"));
    }

    /**
     * An evaluation from before the running totals (no rows, no flag: as a database of the last version has it) gets
     * them filled in from its ratings when core.workflow starts, and its results stay the same.
     */
    @Test
    void anEvaluationFromBeforeTheRunningTotalsIsFilledInAtStart() throws Exception {
        Http admin = admin();
        long id = openEvaluation(admin, "累计补建社区", LEADERS.replace("组提交评议社区", "累计补建社区")
                .replace("1360000020", "1360000030"), 6);
        JsonNode sheets = admin.get("/api/v1/evaluations/" + id + "/ballot-sheets").json();
        long unitLeader = http.json("POST", "/api/v1/public/ballots/lookup", Map.of("code",
                sheets.get(0).get("code").asText())).json().get("leaders").get(0).get("id").asLong();
        for (int i = 0; i < 5; i++) {
            Http.Response cast = http.json("POST", "/api/v1/ballots", Map.of("code", sheets.get(i).get("code").asText(),
                    "ratings", List.of(Map.of("leader", Long.toString(unitLeader),
                            "rating", i < 3 ? "SATISFIED" : "DISSATISFIED"))));
            assertEquals(201, cast.status(), cast.body());
        }
        String before = admin.get("/api/v1/evaluations/" + id + "/results").body();

        // as the last version left it: no running totals, no flag
        try (Connection c = db()) {
            c.setAutoCommit(false);
            try (PreparedStatement d = c.prepareStatement("delete from WF_TALLY where EVALUATION = ?");
                    PreparedStatement u = c.prepareStatement("update WF_EVALUATION set TALLIED = null where ID = ?")) {
                d.setLong(1, id);
                u.setLong(1, id);
                assertEquals(1, d.executeUpdate());
                assertEquals(1, u.executeUpdate());
            }
            c.commit();
            c.setAutoCommit(true);
        }
        restart("org.loumen.core.workflow");
        assertEquals(1, count("select count(*) from WF_EVALUATION where ID = ? and TALLIED is not null", id));
        assertEquals(3, count("select SATISFIED from WF_TALLY where EVALUATION = ? and LEADER_ID = ?", id,
                unitLeader));
        assertEquals(2, count("select DISSATISFIED from WF_TALLY where EVALUATION = ? and LEADER_ID = ?", id,
                unitLeader));
        assertTalliesEqualRecount(id);
        assertEquals(before, admin.get("/api/v1/evaluations/" + id + "/results").body());

        // and ballots cast after it add to the filled-in totals
        Http.Response cast = http.json("POST", "/api/v1/ballots", Map.of("code", sheets.get(5).get("code").asText(),
                "ratings", List.of(Map.of("leader", Long.toString(unitLeader), "rating", "SATISFIED"))));
        assertEquals(201, cast.status(), cast.body());
        assertEquals(4, count("select SATISFIED from WF_TALLY where EVALUATION = ? and LEADER_ID = ?", id,
                unitLeader));
        assertTalliesEqualRecount(id);
    }

    /** Every leader's running totals equal the ratings counted one by one, and no total is missing. */
    private void assertTalliesEqualRecount(long evaluation) throws Exception {
        Map<String, Long> recount = new java.util.TreeMap<>();
        Map<String, Long> totals = new java.util.TreeMap<>();
        try (Connection c = db()) {
            try (PreparedStatement q = c.prepareStatement("select LEADER_ID, RATING, count(*) from WF_RATING "
                    + "where EVALUATION = ? group by LEADER_ID, RATING")) {
                q.setLong(1, evaluation);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        recount.put(rs.getLong(1) + " " + rs.getString(2), rs.getLong(3));
                    }
                }
            }
            try (PreparedStatement q = c.prepareStatement("select LEADER_ID, SATISFIED, FAIRLY_SATISFIED, "
                    + "DISSATISFIED from WF_TALLY where EVALUATION = ?")) {
                q.setLong(1, evaluation);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        String[] names = { "SATISFIED", "FAIRLY_SATISFIED", "DISSATISFIED" };
                        for (int i = 0; i < 3; i++) {
                            if (rs.getLong(2 + i) > 0) {
                                totals.put(rs.getLong(1) + " " + names[i], rs.getLong(2 + i));
                            }
                        }
                    }
                }
            }
        }
        assertTrue(!recount.isEmpty());
        assertEquals(recount, totals);
    }

    private void restart(String symbolicName) throws Exception {
        for (Bundle b : FrameworkUtil.getBundle(BallotGroupIT.class).getBundleContext().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                b.stop();
                b.start();
            }
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (http.get("/api/v1/evaluations/periods/current").status() != 200
                || !http.get("/api/v1/health").body().contains("\"UP\"")) {
            assertTrue(System.currentTimeMillis() < deadline, http.get("/api/v1/health").body());
            Thread.sleep(100);
        }
    }

    /**
     * Imports the leaders and {@code households} households of one unit of a new community of 八里台镇 and opens the
     * community's evaluation; its id.
     */
    private static long openEvaluation(Http admin, String communityName, String leaders, int households)
            throws Exception {
        assertEquals(200, admin.upload("/api/v1/imports/leaders", leaders).status());
        StringBuilder rows = new StringBuilder("street,community,building,unit,room,head_name,members,phone,"
                + "special_groups\n");
        for (int room = 1; room <= households; room++) {
            rows.append("八里台镇,").append(communityName).append(",1号楼,1单元,").append(100 + room)
                    .append(",住户,2,,\n");
        }
        assertEquals(200, admin.upload("/api/v1/imports/households", rows.toString()).status());
        String community = null;
        for (JsonNode c : admin.get("/api/v1/streets/120112107/communities").json()) {
            community = c.get("name").asText().equals(communityName) ? c.get("code").asText() : community;
        }
        Http.Response opened = admin.json("POST", "/api/v1/evaluations", Map.of("community", community,
                "period", "2026-H2"));
        assertEquals(201, opened.status(), opened.body());
        return opened.json().get("id").asLong();
    }
}
