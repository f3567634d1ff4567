package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Care visits to tagged households: plans by tag, visits recorded by the leader of the unit, and who may see them. */
class CareIT extends PlatformTest {

    @Test
    void aLeaderVisitsTheTaggedHouseholdsOfTheirUnit() throws Exception {
        String unit = GANGWAN + "B003U02";
        Http secretary = user("sg-secretary", "COMMUNITY_SECRETARY", GANGWAN);
        JsonNode household = secretary.get("/api/v1/households?unit=" + unit).json().get("items").get(0);
        long id = household.get("id").asLong();
        Http.Response tagged = secretary.json("PUT", "/api/v1/households/" + id, Map.of(
                "specialGroups", List.of("ELDERLY_LIVING_ALONE", "LOW_INCOME"), "version",
                household.get("version").asLong()));
        assertEquals(200, tagged.status(), tagged.body());

        EventCollector subscriber = EventCollector.listen(context, "org/loumen/care/*");
        java.util.List<org.osgi.service.event.Event> seen = subscriber.seen();
        Http leader = user("care-leader", "LEADER", unit);
        JsonNode plan = null;
        for (JsonNode p : leader.get("/api/v1/care/plans").json()) {
            plan = p.get("household").asLong() == id ? p : plan;
            assertEquals(unit, p.get("unit").asText(), "only the leader's own unit");
        }
        assertTrue(plan != null, "the tagged household has a plan");
        assertEquals(7, plan.get("intervalDays").asInt(), "the shortest interval of its tags");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Http.Response future = leader.json("POST", "/api/v1/households/" + id + "/visits", Map.of(
                "visitedOn", today.plusDays(1).toString(), "note", "未来"));
        assertEquals(400, future.status());
        assertEquals("visitedOn", future.json().get("field").asText());
        Http.Response visit = leader.json("POST", "/api/v1/households/" + id + "/visits", Map.of(
                "visitedOn", today.toString(), "note", "老人身体尚好，帮助预约了体检"));
        assertEquals(201, visit.status(), visit.body());
        for (JsonNode p : leader.get("/api/v1/care/plans").json()) {
            if (p.get("household").asLong() == id) {
                assertEquals(today.toString(), p.get("lastVisit").asText());
                assertEquals(today.plusDays(7).toString(), p.get("nextDue").asText());
                assertFalse(p.get("overdue").asBoolean());
            }
        }
        Http.until(() -> http.get("/api/v1/health"), x -> seen.stream().anyMatch(e -> e.getTopic().equals(
                "org/loumen/care/VISITED") && Long.valueOf(id).equals(e.getProperty("household"))), 10,
                "VISITED event");
        subscriber.close();
        for (JsonNode p : leader.get("/api/v1/care/plans?overdue=true").json()) {
            assertTrue(p.get("overdue").asBoolean());
        }
        assertEquals(1, secretary.get("/api/v1/households/" + id + "/visits").json().size());

        // not for those who do not care for it
        Http otherLeader = user("care-other", "LEADER", GANGWAN + "B001U01");
        assertEquals(404, otherLeader.json("POST", "/api/v1/households/" + id + "/visits", Map.of(
                "visitedOn", today.toString())).status());
        Http street = user("sg-admin", "STREET_ADMIN", SHUANGGANG);
        assertEquals(403, street.get("/api/v1/care/plans").status(), "tags are not the street admin's to see");
        assertEquals(404, user("sx-secretary", "COMMUNITY_SECRETARY", XINHUALI).get("/api/v1/households/" + id
                + "/visits").status());
    }
}
