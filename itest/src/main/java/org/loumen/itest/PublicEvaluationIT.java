package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The evaluation as residents meet it: a code looked up, their unit's page, and the printed ballot sheets. */
class PublicEvaluationIT extends PlatformTest {

    static final String LEADERS = "street,community,building,unit,role,name,gender,birth_date,education,party_member,"
            + "phone,nomination\n"
            + "八里台镇,公开评议社区,1号楼,1单元,楼门长,公评甲,女,1970-01-01,本科,是,13600000101,自荐\n"
            + "八里台镇,公开评议社区,1号楼,,栋长,公评乙,男,1960-01-01,高中,是,13600000102,自荐\n";

    private static void assertRefusal(Http.Response r, int status, String error, String message) {
        assertEquals(status, r.status(), r.body());
        assertEquals(error, r.json().get("error").asText());
        assertEquals("code", r.json().get("field").asText());
        assertTrue(r.json().get("message").asText().startsWith(message), r.body());
    }

    @Test
    void codesAreLookedUpVotedOnceAndPrinted() throws Exception {
        Http admin = admin();
        assertEquals(200, admin.upload("/api/v1/imports/leaders", LEADERS).status());
        StringBuilder households = new StringBuilder("street,community,building,unit,room,head_name,members,phone,"
                + "special_groups\n");
        for (String room : List.of("201", "101", "1001")) {
            households.append("八里台镇,公开评议社区,1号楼,1单元,").append(room).append(",住户,2,,\n");
        }
        assertEquals(200, admin.upload("/api/v1/imports/households", households.toString()).status());
        String community = null;
        for (JsonNode c : admin.get("/api/v1/streets/120112107/communities").json()) {
            community = c.get("name").asText().equals("公开评议社区") ? c.get("code").asText() : community;
        }
        String unit = admin.get("/api/v1/communities/" + community + "/buildings").json().get(0).get("units").get(0)
                .get("code").asText();
        assertFalse(http.get("/api/v1/public/units/" + unit + "/evaluation").json().get("open").asBoolean());

        Http.Response opened = admin.json("POST", "/api/v1/evaluations", Map.of("community", community,
                "period", "2026-H2"));
        assertEquals(201, opened.status(), opened.body());
        long id = opened.json().get("id").asLong();
        JsonNode page = http.get("/api/v1/public/units/" + unit + "/evaluation").json();
        assertTrue(page.get("open").asBoolean());
        assertEquals(id, page.get("evaluation").asLong());
        assertEquals("2026年下半年", page.get("periodLabel").asText());
        assertEquals(400, http.get("/api/v1/public/units/x/evaluation").status());
        assertEquals(404, http.get("/api/v1/public/units/" + community + "B999U99/evaluation").status());

        // the sheets: one per unused code, by room as people count
        JsonNode sheets = admin.get("/api/v1/evaluations/" + id + "/ballot-sheets").json();
        assertEquals(3, sheets.size());
        List<String> rooms = new ArrayList<>();
        sheets.forEach(s -> rooms.add(s.get("room").asText()));
        assertEquals(List.of("101", "201", "1001"), rooms);
        JsonNode sheet = sheets.get(0);
        assertTrue(sheet.get("code").asText().matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"));
        assertEquals("1单元", sheet.get("unitLabel").asText());
        assertEquals("1号楼", sheet.get("buildingLabel").asText());
        List<String> names = new ArrayList<>();
        sheet.get("leaders").forEach(l -> names.add(l.get("name").asText() + l.get("roleLabel").asText()));
        assertTrue(names.containsAll(List.of("公评甲楼门长", "公评乙栋长")), names.toString());
        Http other = user("sg-admin", "STREET_ADMIN", SHUANGGANG);
        assertEquals(404, other.get("/api/v1/evaluations/" + id + "/ballot-sheets").status());
        assertEquals(401, http.get("/api/v1/evaluations/" + id + "/ballot-sheets").status());

        String code = sheet.get("code").asText();
        Http.Response found = http.json("POST", "/api/v1/public/ballots/lookup", Map.of("code", code.toLowerCase()));
        assertEquals(200, found.status(), found.body());
        JsonNode ballot = found.json();
        assertEquals(id, ballot.get("evaluation").asLong());
        assertEquals("2026-H2", ballot.get("period").asText());
        assertEquals("公开评议社区", ballot.get("communityName").asText());
        assertEquals("1单元", ballot.get("unitLabel").asText());
        assertEquals(2, ballot.get("leaders").size());
        assertEquals("UNIT_LEADER", ballot.get("leaders").get(0).get("role").asText());
        assertEquals("楼门长", ballot.get("leaders").get(0).get("roleLabel").asText());
        assertFalse(found.body().contains("1360000010"), "no phone on a public answer");

        assertRefusal(http.json("POST", "/api/v1/public/ballots/lookup", Map.of("code", "ZZZZ-ZZZZ-ZZZ0")), 404,
                "not-found", "未找到此评议码");
        assertRefusal(http.json("POST", "/api/v1/ballots", Map.of("code", "ZZZZ-ZZZZ-ZZZ1", "ratings", List.of())),
                404, "not-found", "未找到此评议码");

        long leader = ballot.get("leaders").get(0).get("id").asLong();
        Http.Response voted = http.json("POST", "/api/v1/ballots", Map.of("code", code, "ratings",
                List.of(Map.of("leader", Long.toString(leader), "rating", "SATISFIED"))));
        assertEquals(201, voted.status(), voted.body());
        assertRefusal(http.json("POST", "/api/v1/public/ballots/lookup", Map.of("code", code)), 409, "code-used",
                "此评议码已使用");
        assertRefusal(http.json("POST", "/api/v1/ballots", Map.of("code", code, "ratings", List.of(Map.of("leader",
                Long.toString(leader), "rating", "SATISFIED")))), 409, "code-used", "此评议码已使用");
        assertEquals(2, admin.get("/api/v1/evaluations/" + id + "/ballot-sheets").json().size(), "used codes go");

        assertEquals(200, admin.send("POST", "/api/v1/evaluations/" + id + "/close", null, null).status());
        String unused = sheets.get(1).get("code").asText();
        assertRefusal(http.json("POST", "/api/v1/public/ballots/lookup", Map.of("code", unused)), 409,
                "evaluation-closed", "本期评议已结束");
        assertRefusal(http.json("POST", "/api/v1/ballots", Map.of("code", unused, "ratings", List.of(Map.of("leader",
                Long.toString(leader), "rating", "SATISFIED")))), 409, "evaluation-closed", "本期评议已结束");
        assertFalse(http.get("/api/v1/public/units/" + unit + "/evaluation").json().get("open").asBoolean());
    }
}
