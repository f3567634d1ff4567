package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

import com.fasterxml.jackson.databind.JsonNode;

/** Problem reports (问题时报) around their closed loop, with scope, deadlines, escalation and the street's counts. */
class ReportIT extends PlatformTest {

    @Test
    void aReportGoesAroundTheLoop() throws Exception {
        String unit = GANGWAN + "B002U01";
        Http leader = user("report-leader", "LEADER", unit);
        Http secretary = user("sg-secretary", "COMMUNITY_SECRETARY", GANGWAN);
        EventCollector subscriber = EventCollector.listen(context, "org/loumen/report/*");
        List<Event> seen = subscriber.seen();
        try {
            Http.Response bad = leader.json("POST", "/api/v1/reports", Map.of("place", unit, "duty", "SAFETY_PATROLLER",
                    "urgency", "NORMAL", "description", " "));
            assertEquals(400, bad.status());
            assertEquals("description", bad.json().get("field").asText());
            assertEquals(404, leader.json("POST", "/api/v1/reports", Map.of("place", GANGWAN + "B001U01",
                    "duty", "SAFETY_PATROLLER", "urgency", "NORMAL", "description", "别的楼门")).status(),
                    "a leader reports on their own place");

            Http.Response filed = leader.json("POST", "/api/v1/reports", Map.of("place", unit,
                    "duty", "SAFETY_PATROLLER", "urgency", "MAJOR", "description", "楼道堆放杂物，有火灾隐患"));
            assertEquals(201, filed.status(), filed.body());
            JsonNode report = filed.json();
            long id = report.get("id").asLong();
            assertEquals("REPORTED", report.get("status").asText());
            assertTrue(report.get("escalated").asBoolean(), "a major problem goes to the community at once");
            assertEquals(Duration.ofHours(4), Duration.between(Instant.parse(report.get("createdAt").asText()),
                    Instant.parse(report.get("dueAt").asText())));
            String path = "/api/v1/reports/" + id;

            Http.Response early = secretary.json("POST", path + "/resolve", Map.of("resolution", "已清理"));
            assertEquals(409, early.status());
            assertEquals("[\"ACCEPTED\",\"SPAM\"]", early.json().get("allowed").toString());
            assertEquals(403, leader.send("POST", path + "/accept", null, null).status(), "leaders do not accept");
            assertEquals("ACCEPTED", secretary.send("POST", path + "/accept", null, null).json().get("status")
                    .asText());
            assertEquals(400, secretary.json("POST", path + "/assign", Map.of("note", "x")).status());
            assertEquals("ASSIGNED", secretary.json("POST", path + "/assign", Map.of("assignee", "物业公司"))
                    .json().get("status").asText());
            assertEquals("RESOLVED", secretary.json("POST", path + "/resolve", Map.of("resolution",
                    "物业已清理楼道")).json().get("status").asText());
            assertEquals(403, secretary.send("POST", path + "/confirm", null, null).status(), "only the reporter");
            assertEquals("REOPENED", leader.json("POST", path + "/reopen", Map.of("note", "三楼还有"))
                    .json().get("status").asText());
            secretary.json("POST", path + "/assign", Map.of("assignee", "物业公司"));
            secretary.json("POST", path + "/resolve", Map.of("resolution", "三楼也已清理"));
            JsonNode done = leader.send("POST", path + "/confirm", null, null).json();
            assertEquals("CONFIRMED", done.get("status").asText(), done.toString());
            assertEquals(409, leader.json("POST", path + "/reopen", Map.of("note", "再看看")).status(), "closed");

            List<String> moves = new ArrayList<>();
            secretary.get(path + "/history").json().forEach(s -> moves.add(s.get("to").asText()));
            assertEquals(List.of("REPORTED", "ACCEPTED", "ASSIGNED", "RESOLVED", "REOPENED", "ASSIGNED", "RESOLVED",
                    "CONFIRMED"), moves);

            // the street sees it in its counts; another street does not see it at all
            Http street = user("sg-admin", "STREET_ADMIN", SHUANGGANG);
            JsonNode stats = street.get("/api/v1/reports/stats?community=" + GANGWAN).json();
            assertTrue(stats.get("total").asInt() >= 1, stats.toString());
            boolean counted = false;
            for (JsonNode d : stats.get("byDuty")) {
                counted |= d.get("duty").asText().equals("SAFETY_PATROLLER") && d.get("total").asInt() >= 1;
            }
            assertTrue(counted, stats.toString());
            assertEquals(0, street.get("/api/v1/reports?overdue=true&community=" + GANGWAN).json().get("total")
                    .asInt(), "nothing is past its deadline yet");
            Http other = user("sx-admin", "STREET_ADMIN", SHUANGXIN);
            assertEquals(404, other.get(path).status());
            assertEquals(0, other.get("/api/v1/reports").json().get("total").asInt());

            Http.until(() -> http.get("/api/v1/health"), x -> seen.stream().anyMatch(e -> e.getTopic().equals(
                    "org/loumen/report/CONFIRMED")), 10, "the CONFIRMED event");
            assertTrue(seen.stream().anyMatch(e -> e.getTopic().equals("org/loumen/report/ESCALATED")
                    && Long.valueOf(id).equals(e.getProperty("report"))));
        } finally {
            subscriber.close();
        }
    }
}
