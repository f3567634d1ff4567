package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The leaders' work log (民情日志): validation, the own list and summary, the community's and street's counts. */
class WorkLogIT extends PlatformTest {

    static final String UNIT = GANGWAN + "B003U02";

    private static void assertRefused(Http.Response r, String field) {
        assertEquals(400, r.status(), r.body());
        assertEquals(field, r.json().get("field").asText(), r.body());
    }

    @Test
    void leadersLogTheirWorkAndTheCommunityCountsIt() throws Exception {
        Http leader = user("worklog-leader", "LEADER", UNIT);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String path = "/api/v1/me/work-log";

        assertRefused(leader.json("POST", path, Map.of("duty", "COOK", "day", today.toString(), "note", "x")), "duty");
        assertRefused(leader.json("POST", path, Map.of("duty", "POLICY_PUBLICIST", "day", today.plusDays(1).toString(),
                "note", "明天的事")), "day");
        assertRefused(leader.json("POST", path, Map.of("duty", "POLICY_PUBLICIST", "day", today.minusDays(400)
                .toString(), "note", "太久以前")), "day");
        assertRefused(leader.json("POST", path, Map.of("duty", "POLICY_PUBLICIST", "day", "2026-13-01", "note",
                "x")), "day");
        assertRefused(leader.json("POST", path, Map.of("duty", "POLICY_PUBLICIST", "day", today.toString(), "note",
                " ")), "note");
        assertRefused(leader.json("POST", path, Map.of("duty", "POLICY_PUBLICIST", "day", today.toString(), "note",
                "长".repeat(1001))), "note");
        assertRefused(leader.json("POST", path, Map.of("duty", "POLICY_PUBLICIST", "day", today.toString(), "note",
                "别的楼门", "place", GANGWAN + "B001U01")), "place");
        Http secretary = user("sg-secretary", "COMMUNITY_SECRETARY", GANGWAN);
        assertEquals(403, secretary.json("POST", path, Map.of("duty", "POLICY_PUBLICIST", "day", today.toString(),
                "note", "x")).status(), "the work log is the leaders'");

        long before = secretary.get("/api/v1/work-log/stats?community=" + GANGWAN).json().get("total").asLong();
        // 双新's own log (its demo leaders' publicity activities are logged too): what 双港 writes must not add to it
        Http other = user("sx-admin", "STREET_ADMIN", SHUANGXIN);
        long otherBefore = other.get("/api/v1/work-log/stats").json().get("total").asLong();
        Http.Response first = leader.json("POST", path, Map.of("duty", "DISPUTE_MEDIATOR", "day",
                today.minusDays(2).toString(), "note", "调解3楼邻里噪音纠纷"));
        assertEquals(201, first.status(), first.body());
        JsonNode entry = first.json();
        assertEquals("矛盾化解调处员", entry.get("dutyLabel").asText());
        assertEquals(UNIT, entry.get("place").asText(), "my only place is the default");
        assertTrue(entry.get("placeLabel").asText().endsWith("单元"), entry.toString());
        assertEquals(201, leader.json("POST", path, Map.of("duty", "SAFETY_PATROLLER", "day", today.toString(),
                "note", "夜间巡查楼道消防通道", "place", UNIT)).status());
        assertEquals(201, leader.json("POST", path, Map.of("duty", "SAFETY_PATROLLER", "day", today.minusDays(1)
                .toString(), "note", "检查电动车充电")).status());

        JsonNode mine = leader.get(path + "?size=2").json();
        assertEquals(3, mine.get("total").asInt());
        assertEquals(2, mine.get("items").size());
        assertEquals(today.toString(), mine.get("items").get(0).get("day").asText(), "newest day first");

        JsonNode summary = leader.get(path + "/summary?year=" + today.getYear()).json();
        List<String> order = new ArrayList<>();
        summary.get("duties").forEach(d -> order.add(d.get("duty").asText()));
        assertEquals(List.of("POLICY_PUBLICIST", "OPINION_INFORMANT", "DISPUTE_MEDIATOR", "SAFETY_PATROLLER",
                "SANITATION_SUPERVISOR"), order, "all five, in order");
        int expectedTotal = today.minusDays(2).getYear() == today.getYear() ? 3 : 1;
        assertEquals(expectedTotal, summary.get("total").asInt());
        assertEquals(today.getYear(), summary.get("year").asInt());

        JsonNode stats = secretary.get("/api/v1/work-log/stats?community=" + GANGWAN).json();
        assertEquals(before + expectedTotal, stats.get("total").asLong());
        assertTrue(stats.get("leaders").asInt() >= 1);
        assertEquals(5, stats.get("duties").size());
        Http street = user("sg-admin", "STREET_ADMIN", SHUANGGANG);
        assertTrue(street.get("/api/v1/work-log/stats?street=" + SHUANGGANG).json().get("total").asLong()
                >= before + expectedTotal);
        assertEquals(404, other.get("/api/v1/work-log/stats?community=" + GANGWAN).status());
        assertEquals(otherBefore, other.get("/api/v1/work-log/stats").json().get("total").asLong(),
                "nothing of another street");
    }
}
