package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Ballots written in group commits (选票组提交), on Derby and on PostgreSQL: many ballots sent at once, each code twice
 * (so that both copies often land in the same group), give exactly one accepted ballot per code, each counted once in
 * the results; refused ballots among them (400) leave their codes unused.
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
        assertEquals(200, admin.upload("/api/v1/imports/leaders", LEADERS).status());
        StringBuilder households = new StringBuilder("street,community,building,unit,room,head_name,members,phone,"
                + "special_groups\n");
        for (int room = 1; room <= HOUSEHOLDS; room++) {
            households.append("八里台镇,组提交评议社区,1号楼,1单元,").append(100 + room).append(",住户,2,,\n");
        }
        assertEquals(200, admin.upload("/api/v1/imports/households", households.toString()).status());
        String community = null;
        for (JsonNode c : admin.get("/api/v1/streets/120112107/communities").json()) {
            community = c.get("name").asText().equals("组提交评议社区") ? c.get("code").asText() : community;
        }
        Http.Response opened = admin.json("POST", "/api/v1/evaluations", Map.of("community", community,
                "period", "2026-H2"));
        assertEquals(201, opened.status(), opened.body());
        long id = opened.json().get("id").asLong();
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
    }
}
