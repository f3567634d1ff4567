package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;

/** Reports from residents (居民随手报): filed from the unit's page, followed by number, throttled, marked as spam. */
class ResidentReportIT extends PlatformTest {

    static final String PID = "org.loumen.reports.residents";

    @InjectService
    ConfigurationAdmin configAdmin;

    private Configuration config;

    /** Every test here files from 127.0.0.1: the per-client limit is raised unless a test lowers it. */
    @BeforeEach
    void generousLimits() throws Exception {
        config = configAdmin.getConfiguration(PID, "?");
        config.update(new Hashtable<>(Map.of("clientLimit", 10_000)));
    }

    /**
     * Back to generous limits, kept for the rest of the run: every test files from 127.0.0.1 and the slots taken
     * here stay taken for an hour. Updated, not deleted: a configuration deleted and created again would reuse its
     * change count, and the component would not see the new one.
     */
    @AfterEach
    void generousAgain() throws Exception {
        config.update(new Hashtable<>(Map.of("clientLimit", 10_000, "unitLimit", 30)));
    }

    /** A new unit in 港湾家园, so the per-unit counts start from nothing. */
    String freshUnit(String building) throws Exception {
        Http admin = admin();
        Http.Response b = admin.json("POST", "/api/v1/communities/" + GANGWAN + "/buildings", Map.of("label",
                building));
        assertEquals(201, b.status(), b.body());
        Http.Response u = admin.json("POST", "/api/v1/buildings/" + b.json().get("code").asText() + "/units",
                Map.of("label", "1单元"));
        assertEquals(201, u.status(), u.body());
        return u.json().get("code").asText();
    }

    private Http.Response file(String unit, Map<String, ?> body) throws java.io.IOException, InterruptedException {
        return http.json("POST", "/api/v1/public/units/" + unit + "/reports", body);
    }

    @Test
    void aResidentFilesTheCommunityWorksItTheResidentFollowsIt() throws Exception {
        String unit = freshUnit("随手报1号楼");
        Http secretary = user("sg-secretary", "COMMUNITY_SECRETARY", GANGWAN);
        Http leader = user("resident-unit-leader", "LEADER", unit);

        Http.Response filed = Http.until(() -> file(unit, Map.of("description", "楼道灯坏了，晚上很黑",
                "phone", "13912345678", "duty", "SAFETY_PATROLLER")), r -> r.status() != 429, 10, "the raised limit");
        assertEquals(201, filed.status(), filed.body());
        String number = filed.json().get("number").asText();
        assertTrue(number.matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"), number);
        assertEquals("REPORTED", filed.json().get("status").asText());
        assertEquals("已上报", filed.json().get("statusLabel").asText());

        JsonNode seen = null;
        for (JsonNode r : secretary.get("/api/v1/reports?community=" + GANGWAN + "&size=200").json().get("items")) {
            seen = number.equals(r.path("number").asText()) ? r : seen;
        }
        assertNotNull(seen, "the community's secretary sees it in the normal loop");
        assertEquals("RESIDENT", seen.get("reporterKind").asText());
        assertEquals("13912345678", seen.get("residentPhone").asText());
        assertEquals(unit, seen.get("place").asText());
        assertEquals("SAFETY_PATROLLER", seen.get("duty").asText());
        long id = seen.get("id").asLong();
        JsonNode forLeader = leader.get("/api/v1/reports/" + id).json();
        assertEquals(number, forLeader.get("number").asText(), "the unit's leader sees it too");
        assertTrue(forLeader.get("residentPhone").isNull(), "but not the resident's phone");

        JsonNode status = http.get("/api/v1/public/reports/" + number.toLowerCase().replace("-", "")).json();
        assertEquals(number, status.get("number").asText());
        assertEquals("REPORTED", status.get("status").asText());
        assertEquals("1单元", status.get("unitLabel").asText());
        assertEquals("随手报1号楼", status.get("buildingLabel").asText());
        assertEquals(1, status.get("steps").size());
        assertFalse(status.toString().contains("13912345678"), "no phone on the public page");
        assertFalse(status.toString().contains("resident"), "no actor on the public page");

        secretary.send("POST", "/api/v1/reports/" + id + "/accept", null, null);
        secretary.json("POST", "/api/v1/reports/" + id + "/assign", Map.of("assignee", "物业公司"));
        secretary.json("POST", "/api/v1/reports/" + id + "/resolve", Map.of("resolution", "已更换灯泡"));
        status = http.get("/api/v1/public/reports/" + number).json();
        assertEquals("RESOLVED", status.get("status").asText());
        assertEquals("已更换灯泡", status.get("resolution").asText());
        assertEquals(4, status.get("steps").size());

        Http.Response unknown = http.get("/api/v1/public/reports/0000-0000-0000");
        assertEquals(404, unknown.status());
        assertEquals("number", unknown.json().get("field").asText());
    }

    @Test
    void badInputIsRefusedAndNothingIsStored() throws Exception {
        String unit = freshUnit("随手报2号楼");
        Http secretary = user("sg-secretary", "COMMUNITY_SECRETARY", GANGWAN);
        Http.until(() -> file(unit, Map.of("description", "")), r -> r.status() == 400, 10, "400 for nothing");
        Http.Response longText = file(unit, Map.of("description", "很".repeat(10_000)));
        assertEquals(400, longText.status(), longText.body());
        assertEquals("description", longText.json().get("field").asText());
        Http.Response badPhone = file(unit, Map.of("description", "x", "phone", "12345"));
        assertEquals(400, badPhone.status());
        assertEquals("phone", badPhone.json().get("field").asText());
        assertEquals("duty", file(unit, Map.of("description", "x", "duty", "NONSENSE")).json().get("field").asText());
        Http.Response noUnit = file(GANGWAN + "B999U99", Map.of("description", "没有这个楼门"));
        assertEquals(404, noUnit.status());
        assertEquals("unit", noUnit.json().get("field").asText());
        assertEquals(400, file("12345", Map.of("description", "x")).status());
        long stored = 0;
        for (JsonNode r : secretary.get("/api/v1/reports?community=" + GANGWAN + "&size=200").json().get("items")) {
            stored += unit.equals(r.get("place").asText()) ? 1 : 0;
        }
        assertEquals(0, stored, "nothing stored on refusal");
    }

    @Test
    void spamIsClosedAndCountsTowardNothing() throws Exception {
        String unit = freshUnit("随手报3号楼");
        Http secretary = user("sg-secretary", "COMMUNITY_SECRETARY", GANGWAN);
        Http leader = user("spam-unit-leader", "LEADER", unit);
        Http.Response filed = Http.until(() -> file(unit, Map.of("description", "广告广告广告")),
                r -> r.status() != 429, 10, "the raised limit");
        String number = filed.json().get("number").asText();
        long id = -1;
        for (JsonNode r : secretary.get("/api/v1/reports?community=" + GANGWAN + "&size=200").json().get("items")) {
            id = number.equals(r.path("number").asText()) ? r.get("id").asLong() : id;
        }
        String path = "/api/v1/reports/" + id;
        long reportId = id;
        assertEquals(403, leader.send("POST", path + "/spam", null, null).status(), "leaders do not mark spam");
        Http.Response spam = secretary.json("POST", path + "/spam", Map.of("note", "广告"));
        assertEquals(200, spam.status(), spam.body());
        assertEquals("SPAM", spam.json().get("status").asText());
        assertEquals("无效信息", spam.json().get("statusLabel").asText());
        assertFalse(spam.json().get("overdue").asBoolean());
        assertEquals(409, secretary.send("POST", path + "/accept", null, null).status(), "spam is final");
        assertEquals(409, secretary.send("POST", path + "/spam", null, null).status());
        JsonNode status = http.get("/api/v1/public/reports/" + number).json();
        assertEquals("CLOSED", status.get("status").asText(), "the public sees it closed");
        assertTrue(status.get("resolution").isNull());
        List<String> moves = new ArrayList<>();
        secretary.get(path + "/history").json().forEach(s -> moves.add(s.get("to").asText()));
        assertEquals(List.of("REPORTED", "SPAM"), moves);
        JsonNode stats = secretary.get("/api/v1/reports/stats?community=" + GANGWAN).json();
        assertTrue(stats.get("byStatus").get("SPAM").asInt() >= 1, stats.toString());
        for (JsonNode r : secretary.get("/api/v1/reports?overdue=true&community=" + GANGWAN + "&size=200").json()
                .get("items")) {
            assertFalse(r.get("status").asText().equals("SPAM"));
        }
        Http admin = admin();
        Http.until(() -> admin.get("/api/v1/audit?action=POST%20/reports/%7Breport%7D/spam&actor=sg-secretary"
                + "&size=200"), r -> r.body().contains("\"object\":\"/reports/" + reportId + "/spam\""), 10, "the audit entry");
    }

    @Test
    void aClientIsThrottledAndParallelReportsNeverPassTheUnitLimit() throws Exception {
        String warmUp = freshUnit("随手报4号楼");
        String unit = freshUnit("随手报5号楼");
        Http secretary = user("sg-secretary", "COMMUNITY_SECRETARY", GANGWAN);
        config.update(new Hashtable<>(Map.of("clientLimit", 10_000, "unitLimit", 4)));
        // the new limit is in force once the warm-up unit is refused
        Http.until(() -> file(warmUp, Map.of("description", "预热")), r -> r.status() == 429, 10, "the unit limit");

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Http.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return file(unit, Map.of("description", "同时提交 " + n));
                }));
            }
            go.countDown();
            int created = 0;
            int refused = 0;
            for (Future<Http.Response> f : answers) {
                Http.Response r = f.get(30, TimeUnit.SECONDS);
                created += r.status() == 201 ? 1 : 0;
                if (r.status() == 429) {
                    refused++;
                    assertEquals("too-many-requests", r.json().get("error").asText());
                    assertTrue(r.json().get("retryAfterSeconds").asLong() > 0);
                    assertNotNull(r.header("Retry-After"));
                }
            }
            assertEquals(4, created);
            assertEquals(8, refused);
        } finally {
            pool.shutdownNow();
        }
        long stored = 0;
        for (JsonNode r : secretary.get("/api/v1/reports?community=" + GANGWAN + "&size=200").json().get("items")) {
            stored += unit.equals(r.get("place").asText()) ? 1 : 0;
        }
        assertEquals(4, stored, "the refused ones stored nothing");

        // the per-client limit: lowered to what this client has just used, the next report is refused
        String other = freshUnit("随手报6号楼");
        config.update(new Hashtable<>(Map.of("clientLimit", 1, "unitLimit", 30)));
        Http.Response last = Http.until(() -> file(other, Map.of("description", "再报一次")),
                r -> r.status() == 429 && r.json().path("message").asText().contains("分钟"), 10, "the client limit");
        assertTrue(last.json().get("message").asText().startsWith("提交过于频繁"));
        assertNull(last.json().get("field"));
    }
}
