package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Unit consultations: opening, one answer per household by code or at the door, results, the public page, links. */
class ConsultationIT extends CivicTest {

    @Test
    void oneAnswerPerHouseholdByCodeOrAtTheDoor() throws Exception {
        Http secretary = sxSecretary();
        String open = "/api/v1/communities/" + XINHUALI + "/consultations";
        String unit = XINHUALI + "B002U01";
        String until = today().plusDays(7).toString();
        assertRefused(secretary.json("POST", open, Map.of("place", GANGWAN + "B001U01", "question", "x", "kind",
                "OPTIONS", "options", List.of("a", "b"), "closesOn", until)), "place");
        assertRefused(secretary.json("POST", open, Map.of("place", unit, "question", "", "kind", "OPTIONS", "options",
                List.of("a", "b"), "closesOn", until)), "question");
        assertRefused(secretary.json("POST", open, Map.of("place", unit, "question", "x", "kind", "VOTE", "closesOn",
                until)), "kind");
        assertRefused(secretary.json("POST", open, Map.of("place", unit, "question", "x", "kind", "OPTIONS",
                "options", List.of("同意"), "closesOn", until)), "options");
        assertRefused(secretary.json("POST", open, Map.of("place", unit, "question", "x", "kind", "OPTIONS",
                "options", List.of("a", "a"), "closesOn", until)), "options");
        assertRefused(secretary.json("POST", open, Map.of("place", unit, "question", "x", "kind", "OPTIONS",
                "options", List.of("a", "b"), "closesOn", today().plusDays(200).toString())), "closesOn");
        assertRefused(secretary.json("POST", open, Map.of("place", unit, "question", "x", "kind", "OPTIONS",
                "options", List.of("a", "b"), "opensOn", today().minusDays(1).toString(), "closesOn", until)),
                "opensOn");
        Http.Response created = secretary.json("POST", open, Map.of("place", unit, "question", "IT 是否加装门禁？",
                "kind", "OPTIONS", "options", List.of("同意", "不同意"), "closesOn", until));
        assertEquals(201, created.status(), created.body());
        long id = created.json().get("id").asLong();
        assertTrue(created.json().get("open").asBoolean());
        int households = created.json().get("households").asInt();
        assertTrue(households >= 2, created.body());
        String base = "/api/v1/consultations/" + id;

        JsonNode codes = secretary.get(base + "/codes").json();
        assertEquals(households, codes.size());
        String code = codes.get(0).get("code").asText();
        long byCode = codes.get(0).get("household").asLong();
        long atDoor = codes.get(1).get("household").asLong();
        assertTrue(code.matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"), code);

        // a resident with the code: lookup, refusals, one answer however many arrive at once
        Http anonymous = http;
        JsonNode lookup = anonymous.json("POST", "/api/v1/public/consultations/lookup", Map.of("code",
                code.toLowerCase())).json();
        assertEquals("IT 是否加装门禁？", lookup.get("question").asText());
        assertFalse(lookup.get("answered").asBoolean());
        assertEquals(404, anonymous.json("POST", "/api/v1/public/consultations/lookup", Map.of("code",
                "0000-0000-0000")).status());
        assertRefused(anonymous.json("POST", "/api/v1/public/consultations/answers", Map.of("code", code, "choice",
                5)), "choice");
        assertRefused(anonymous.json("POST", "/api/v1/public/consultations/answers", Map.of("code", code, "text",
                "随便")), "choice");
        List<Integer> statuses = parallel(12, () -> anonymous.json("POST", "/api/v1/public/consultations/answers",
                Map.of("code", code, "choice", 0)));
        assertEquals(1, Collections.frequency(statuses, 201), statuses.toString());
        assertEquals(11, Collections.frequency(statuses, 409), statuses.toString());
        assertEquals(409, secretary.json("POST", base + "/answers", Map.of("household", byCode, "choice", 1))
                .status(), "the household answered by its code already");

        // the leader at the door: one answer, even when sent twice at once
        Http leader = demoLeader("13900000030");
        List<Integer> door = parallel(6, () -> secretary.json("POST", base + "/answers", Map.of("household", atDoor,
                "choice", 1)));
        assertEquals(1, Collections.frequency(door, 201), door.toString());
        assertRefused(secretary.json("POST", base + "/answers", Map.of("household", 999_999_999L, "choice", 1)),
                "household");
        assertEquals(404, sgAdmin().get(base).status(), "another street");
        assertEquals(404, demoLeader("13900000005").json("POST", base + "/answers", Map.of("household", atDoor,
                "choice", 0)).status(), "a leader of another place");

        JsonNode results = secretary.get(base + "/results").json();
        assertEquals(2, results.get("answered").asInt(), results.toString());
        assertEquals(1, results.get("byCode").asInt());
        assertEquals(1, results.get("doorToDoor").asInt());
        assertEquals(1, results.get("options").get(0).get("count").asInt());
        assertEquals(1, results.get("options").get(1).get("count").asInt());

        // the households of the place see the counts on the unit page (no names, no words)
        JsonNode page = anonymous.get("/api/v1/public/units/" + unit + "/consultations").json();
        JsonNode shown = null;
        for (JsonNode c : page) {
            shown = c.get("id").asLong() == id ? c : shown;
        }
        assertTrue(shown != null && shown.get("answered").asInt() == 2, page.toString());
        assertFalse(page.toString().contains("openedBy"), "no accounts on the public page");

        // what it led to: a meeting of the community; closing stops answers
        Http.Response meeting = secretary.json("POST", "/api/v1/communities/" + XINHUALI + "/meetings", Map.of(
                "kind", "WEEKLY", "scheduledOn", today().plusDays(2).toString()));
        assertEquals(201, meeting.status(), meeting.body());
        assertRefused(secretary.json("POST", base + "/links", Map.of()), "report");
        assertRefused(secretary.json("POST", base + "/links", Map.of("report", 999_999_999L)), "report");
        JsonNode linked = secretary.json("POST", base + "/links", Map.of("meeting", meeting.json().get("id")
                .asLong())).json();
        assertEquals("MEETING", linked.get("links").get(0).get("kind").asText(), linked.toString());
        assertEquals(200, secretary.json("POST", base + "/close", Map.of()).status());
        assertEquals(409, secretary.json("POST", base + "/answers", Map.of("household", codes.get(2 % households)
                .get("household").asLong(), "choice", 0)).status());
        assertTrue(leader.get("/api/v1/consultations").status() == 200);
    }

    @Test
    void aLeaderOpensAFreeConsultationForTheirUnit() throws Exception {
        Http leader = demoLeader(AWARDED);
        assertRefused(leader.json("POST", "/api/v1/me/consultations", Map.of("place", XINHUALI + "B003U01",
                "question", "x", "kind", "FREE", "closesOn", today().plusDays(3).toString())), "place");
        Http.Response created = leader.json("POST", "/api/v1/me/consultations", Map.of("place", XINHUALI_UNIT,
                "question", "IT 楼道堆物怎么清理？", "kind", "FREE", "closesOn", today().plusDays(3).toString()));
        assertEquals(201, created.status(), created.body());
        long id = created.json().get("id").asLong();
        JsonNode codes = leader.get("/api/v1/consultations/" + id + "/codes").json();
        long household = codes.get(0).get("household").asLong();
        assertRefused(leader.json("POST", "/api/v1/consultations/" + id + "/answers", Map.of("household",
                household)), "text");
        assertEquals(201, leader.json("POST", "/api/v1/consultations/" + id + "/answers", Map.of("household",
                household, "text", "周末集中清理")).status());
        JsonNode results = sxSecretary().get("/api/v1/consultations/" + id + "/results").json();
        assertEquals(List.of("周末集中清理"), List.of(results.get("answers").get(0).asText()));
        JsonNode page = http.get("/api/v1/public/units/" + XINHUALI_UNIT + "/consultations").json();
        assertTrue(page.toString().contains("IT 楼道堆物怎么清理？"));
        assertFalse(page.toString().contains("周末集中清理"), "free words stay with the community");
    }
}
