package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The sub-committee reserve: awarded leaders enter by their award, others with a reason, appointments recorded. */
class ReserveIT extends CivicTest {

    private static JsonNode entryOf(JsonNode reserve, long leader) {
        for (JsonNode e : reserve) {
            if (e.get("leader").asLong() == leader) {
                return e;
            }
        }
        return null;
    }

    @Test
    void awardsEnterTheReserveOthersWithAReasonAndAppointmentsAreRecorded() throws Exception {
        Http admin = admin();
        Http secretary = sxSecretary();
        JsonNode kinds = secretary.get("/api/v1/sub-committees").json();
        assertEquals(5, kinds.size(), kinds.toString());
        assertEquals("MEDIATION", kinds.get(0).get("key").asText());
        assertEquals("人民调解委员会", kinds.get(0).get("zh").asText());

        long awarded = demoLeader(AWARDED).get("/api/v1/auth/me").json().get("user").get("leaderId").asLong();
        JsonNode reserve = secretary.get("/api/v1/reserve").json();
        JsonNode byAward = entryOf(reserve, awarded);
        assertNotNull(byAward, "the awarded leader is in the reserve: " + reserve);
        assertEquals("AWARD", byAward.get("source").asText());
        assertTrue(byAward.get("award").asText().startsWith("优秀楼门栋长-"), byAward.toString());

        // a leader of the community, added with a reason (once)
        JsonNode leaders = admin.get("/api/v1/leaders?community=" + XINHUALI + "&status=IN_SERVICE&size=200").json();
        long candidate = -1;
        for (JsonNode l : leaders.get("items")) {
            if (entryOf(reserve, l.get("id").asLong()) == null) {
                candidate = l.get("id").asLong();
                break;
            }
        }
        assertTrue(candidate > 0, "a leader not yet in the reserve");
        String add = "/api/v1/communities/" + XINHUALI + "/reserve";
        assertRefused(secretary.json("POST", add, Map.of("leader", candidate, "reason", " ")), "reason");
        assertRefused(secretary.json("POST", add, Map.of("reason", "x")), "leader");
        JsonNode elsewhere = admin.get("/api/v1/leaders?community=" + GANGWAN + "&size=1").json().get("items").get(0);
        assertRefused(secretary.json("POST", add, Map.of("leader", elsewhere.get("id").asLong(), "reason", "x")),
                "leader");
        long c = candidate;
        List<Integer> statuses = parallel(6, () -> secretary.json("POST", add, Map.of("leader", c, "reason",
                "热心调解邻里纠纷")));
        assertEquals(1, Collections.frequency(statuses, 201), statuses.toString());
        assertEquals(5, Collections.frequency(statuses, 409), statuses.toString());
        JsonNode manual = entryOf(secretary.get("/api/v1/reserve?community=" + XINHUALI).json(), candidate);
        assertEquals("MANUAL", manual.get("source").asText());
        assertEquals("热心调解邻里纠纷", manual.get("reason").asText());

        // appointment: recorded once, the leader becomes a member of the sub-committee
        String appoint = "/api/v1/reserve/" + manual.get("id").asLong() + "/appointment";
        assertRefused(secretary.json("POST", appoint, Map.of("committee", "CHESS", "appointedOn",
                today().toString())), "committee");
        assertRefused(secretary.json("POST", appoint, Map.of("committee", "SECURITY", "appointedOn",
                today().plusDays(3).toString())), "appointedOn");
        assertEquals(404, sgAdmin().json("POST", appoint, Map.of("committee", "SECURITY", "appointedOn",
                today().toString())).status(), "another street's reserve");
        Http.Response done = secretary.json("POST", appoint, Map.of("committee", "SECURITY", "appointedOn",
                today().toString(), "note", "居委会会议通过"));
        assertEquals(200, done.status(), done.body());
        assertEquals("SECURITY", done.json().get("appointedTo").asText());
        assertEquals("治安保卫委员会", done.json().get("appointedToName").asText());
        assertEquals(409, secretary.json("POST", appoint, Map.of("committee", "HEALTH", "appointedOn",
                today().toString())).status(), "appointed once");
        JsonNode committees = secretary.get("/api/v1/communities/" + XINHUALI + "/sub-committees").json();
        JsonNode security = null;
        for (JsonNode k : committees) {
            security = k.get("key").asText().equals("SECURITY") ? k : security;
        }
        assertNotNull(security);
        boolean member = false;
        for (JsonNode m : security.get("members")) {
            member |= m.path("leader").asLong() == c && m.get("reserve").asLong() == manual.get("id").asLong();
        }
        assertTrue(member, security.toString());

        // a resident added directly
        Http.Response direct = secretary.json("POST", "/api/v1/communities/" + XINHUALI
                + "/sub-committees/ELDERLY/members", Map.of("name", "测试成员", "since", today().toString()));
        assertEquals(201, direct.status(), direct.body());
        assertRefused(secretary.json("POST", "/api/v1/communities/" + XINHUALI + "/sub-committees/ELDERLY/members",
                Map.of("name", "", "since", today().toString())), "name");
        assertEquals(404, secretary.json("POST", "/api/v1/communities/" + XINHUALI + "/sub-committees/NOPE/members",
                Map.of("name", "x", "since", today().toString())).status());
        assertEquals(404, sgAdmin().get("/api/v1/communities/" + XINHUALI + "/sub-committees").status());
        assertFalse(sgAdmin().get("/api/v1/reserve").body().contains("热心调解邻里纠纷"), "nothing of 双新");
        JsonNode figures = sxAdmin().get("/api/v1/civic/figures?street=" + SHUANGXIN).json().get("reserve");
        assertTrue(figures.get("fromAwards").asLong() >= 1 && figures.get("appointed").asLong() >= 1,
                figures.toString());
    }
}
