package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Projects and priority support: proposal, the two reviews, the queue with awarded leaders first, the report. */
class ProjectIT extends CivicTest {

    private static Map<String, Object> proposal(String title, Object budget) {
        return Map.of("kind", "UNIT_IMPROVEMENT", "title", title, "budgetAsked", budget, "description",
                "楼道照明不足，拟更换灯具");
    }

    @Test
    void awardedLeadersProjectsComeFirstAndTheStreetCountsThem() throws Exception {
        Http awarded = demoLeader(AWARDED);
        Http plain = demoLeader(PLAIN);
        String path = "/api/v1/me/projects";

        assertRefused(awarded.json("POST", path, Map.of("kind", "PARTY", "title", "x", "budgetAsked", 1,
                "description", "x")), "kind");
        assertRefused(awarded.json("POST", path, proposal(" ", 100)), "title");
        assertRefused(awarded.json("POST", path, proposal("灯", 0)), "budgetAsked");
        assertRefused(awarded.json("POST", path, proposal("灯", 20_000_000)), "budgetAsked");
        Map<String, Object> elsewhere = new java.util.HashMap<>(proposal("灯", 100));
        elsewhere.put("place", GANGWAN + "B001U01");
        assertRefused(awarded.json("POST", path, elsewhere), "place");
        assertEquals(403, sxSecretary().json("POST", path, proposal("灯", 100)).status(), "leaders propose");

        Http.Response first = awarded.json("POST", path, proposal("IT 楼道灯更换", 3000));
        assertEquals(201, first.status(), first.body());
        JsonNode mine = first.json();
        assertEquals("PROPOSED", mine.get("status").asText());
        assertEquals(XINHUALI_UNIT, mine.get("place").asText(), "my only place is the default");
        assertTrue(mine.get("priority").asBoolean(), "an awarded leader's project: " + mine);
        assertEquals("优秀楼门栋长-" + (today().getYear() - 1) + "-" + SHUANGXIN + "-001", mine.get("award").asText());
        long id = mine.get("id").asLong();
        Http.Response second = plain.json("POST", path, proposal("IT 扶手加装", 800));
        assertEquals(201, second.status(), second.body());
        assertFalse(second.json().get("priority").asBoolean());
        long other = second.json().get("id").asLong();

        // the queue: open first, and among the open, every awarded leader's project before the others
        Http street = sxAdmin();
        JsonNode queue = street.get("/api/v1/projects?street=" + SHUANGXIN + "&size=200").json();
        boolean seenPlain = false;
        int at = -1, otherAt = -1, i = 0;
        for (JsonNode p : queue.get("items")) {
            boolean open = List.of("PROPOSED", "FORWARDED").contains(p.get("status").asText());
            if (open && !p.get("priority").asBoolean()) {
                seenPlain = true;
            }
            if (open && p.get("priority").asBoolean()) {
                assertFalse(seenPlain, "a priority project after a plain one: " + queue);
            }
            at = p.get("id").asLong() == id ? i : at;
            otherAt = p.get("id").asLong() == other ? i : otherAt;
            i++;
        }
        assertTrue(at >= 0 && otherAt > at, queue.toString());
        assertEquals(404, sgAdmin().get("/api/v1/projects/" + id).status(), "another street's project");
        assertFalse(sgAdmin().get("/api/v1/projects?size=200").body().contains("IT 楼道灯更换"));

        // the street reviews only what the community forwarded; the community first
        assertEquals(409, street.json("POST", "/api/v1/projects/" + id + "/street-review", Map.of("decision",
                "APPROVE", "amountGranted", 100)).status());
        Http secretary = sxSecretary();
        assertEquals(403, secretary.json("POST", "/api/v1/projects/" + id + "/street-review", Map.of("decision",
                "APPROVE", "amountGranted", 100)).status());
        assertRefused(secretary.json("POST", "/api/v1/projects/" + id + "/community-review", Map.of("decision",
                "MAYBE")), "decision");
        assertRefused(secretary.json("POST", "/api/v1/projects/" + other + "/community-review", Map.of("decision",
                "DECLINE")), "note");
        List<Integer> statuses = parallel(8, () -> secretary.json("POST", "/api/v1/projects/" + id
                + "/community-review", Map.of("decision", "APPROVE", "note", "同意")));
        assertEquals(1, Collections.frequency(statuses, 200), statuses.toString());
        assertEquals(7, Collections.frequency(statuses, 409), statuses.toString());
        assertEquals("FORWARDED", street.get("/api/v1/projects/" + id).json().get("status").asText());
        assertRefused(street.json("POST", "/api/v1/projects/" + id + "/street-review", Map.of("decision", "APPROVE",
                "amountGranted", 3500)), "amountGranted");
        assertRefused(street.json("POST", "/api/v1/projects/" + id + "/street-review", Map.of("decision", "APPROVE")),
                "amountGranted");
        JsonNode before = street.get("/api/v1/projects/stats?street=" + SHUANGXIN).json();
        Http.Response approved = street.json("POST", "/api/v1/projects/" + id + "/street-review", Map.of("decision",
                "APPROVE", "amountGranted", 2500, "note", "优先扶持"));
        assertEquals(200, approved.status(), approved.body());
        assertEquals("APPROVED", approved.json().get("status").asText());
        assertEquals(0, approved.json().get("amountGranted").decimalValue().compareTo(new java.math.BigDecimal(
                "2500")));
        assertEquals("APPROVE", approved.json().get("streetReview").get("decision").asText());
        JsonNode after = street.get("/api/v1/projects/stats?street=" + SHUANGXIN).json();
        assertEquals(before.get("approved").asLong() + 1, after.get("approved").asLong());
        assertEquals(before.get("approvedFromAwarded").asLong() + 1, after.get("approvedFromAwarded").asLong());
        assertEquals(0, after.get("granted").decimalValue().subtract(before.get("granted").decimalValue())
                .compareTo(new java.math.BigDecimal("2500")));

        Http.Response declined = secretary.json("POST", "/api/v1/projects/" + other + "/community-review",
                Map.of("decision", "DECLINE", "note", "与已批项目重复"));
        assertEquals("DECLINED", declined.json().get("status").asText());
        assertEquals("DECLINE", declined.json().get("communityReview").get("decision").asText());
        JsonNode own = plain.get(path).json();
        assertTrue(own.toString().contains("与已批项目重复"), "the leader sees the reason: " + own);
        assertFalse(own.toString().contains("IT 楼道灯更换"), "only my own projects");
    }
}
