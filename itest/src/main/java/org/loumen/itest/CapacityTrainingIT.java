package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Capacity training (赋能培训) through HTTP: providers, a session with hours and attendance, hours per leader in the
 * year, who has had none, coverage per street, a leader's record; bad input names the field; scope.
 */
class CapacityTrainingIT extends PlatformTest {

    @Test
    void aSessionCountsTowardsEachAttendeesHoursAndTheStreetsCoverage() throws Exception {
        Http sg = user("sg-admin", "STREET_ADMIN", SHUANGGANG);
        String street = "/api/v1/streets/" + SHUANGGANG;
        assertEquals("kind", sg.json("POST", street + "/capacity-providers", Map.of("kind", "SCHOOL", "name", "x"))
                .json().get("field").asText());
        Http.Response provider = sg.json("POST", street + "/capacity-providers", Map.of("kind", "VENTURE", "name",
                "IT 公益创投项目"));
        assertEquals(201, provider.status(), provider.body());
        long p = provider.json().get("id").asLong();
        assertEquals(409, sg.json("POST", street + "/capacity-providers", Map.of("kind", "STATION", "name",
                "IT 公益创投项目")).status());

        JsonNode none = sg.get(street + "/capacity-hours?none=true").json();
        JsonNode all = sg.get(street + "/capacity-hours").json();
        assertTrue(none.size() >= 1, "the demo leaves some serving leaders without training: " + all);
        long untrained = none.get(0).get("leader").asLong();
        JsonNode before = sg.get("/api/v1/capacity-training/coverage?street=" + SHUANGGANG).json().get(0);

        String today = LocalDate.now(TrainingBatchIT.CHINA).toString();
        Map<String, Object> good = Map.of("provider", p, "heldOn", today, "topic", "IT 沟通技巧", "hours", 1.5,
                "attendees", List.of(untrained));
        for (var bad : List.of(Map.entry("hours", 0.25), Map.entry("heldOn", LocalDate.now(TrainingBatchIT.CHINA)
                .plusDays(1).toString()), Map.entry("attendees", List.of(999_999_999L)), Map.entry("topic", " "))) {
            Map<String, Object> body = new java.util.HashMap<>(good);
            body.put(bad.getKey(), bad.getValue());
            Http.Response r = sg.json("POST", street + "/capacity-sessions", body);
            assertEquals(400, r.status(), r.body());
            assertEquals(bad.getKey(), r.json().get("field").asText());
        }
        Http.Response session = sg.json("POST", street + "/capacity-sessions", good);
        assertEquals(201, session.status(), session.body());
        assertEquals(1, session.json().get("attendance").asInt());

        JsonNode record = sg.get("/api/v1/leaders/" + untrained + "/capacity-training").json();
        assertEquals("1.5", record.get("years").get(0).get("hours").asText(), record.toString());
        JsonNode after = sg.get("/api/v1/capacity-training/coverage?street=" + SHUANGGANG).json().get(0);
        assertEquals(before.get("covered").asInt() + 1, after.get("covered").asInt(), after.toString());
        // two decimals, half-up (read back as a JSON number: 42.00 arrives as 42.0)
        assertEquals(java.math.BigDecimal.valueOf(after.get("covered").asInt() * 100L).divide(java.math.BigDecimal
                .valueOf(after.get("serving").asInt()), 2, java.math.RoundingMode.HALF_UP).doubleValue(),
                after.get("percent").asDouble(), 1e-9, after.toString());
        // every serving leader of the street, counted by the database, is one row of the street's hours
        assertEquals(all.size(), before.get("serving").asInt(), before.toString());
        // the district's page reads every street at once: Shuanggang's row is the same as when asked alone, and a
        // street admin's district-wide view has their street only
        JsonNode district = admin().get("/api/v1/capacity-training/coverage").json();
        assertTrue(district.size() > 1, district.toString());
        JsonNode row = null;
        for (JsonNode n : district) {
            if (n.get("street").asText().equals(SHUANGGANG)) {
                row = n;
            }
        }
        assertEquals(after, row, district.toString());
        JsonNode own = sg.get("/api/v1/capacity-training/coverage").json();
        assertEquals(1, own.size(), own.toString());
        assertEquals(after, own.get(0));
        assertTrue(sg.get(street + "/capacity-hours?none=true").json().findValues("leader").stream()
                .noneMatch(l -> l.asLong() == untrained));

        // another street sees none of it; a secretary reads only their community's hours
        Http other = user("sx-admin", "STREET_ADMIN", SHUANGXIN);
        assertEquals(404, other.get("/api/v1/capacity-sessions/" + session.json().get("id").asLong()).status());
        assertEquals(404, other.get(street + "/capacity-hours").status());
        Http secretary = user("gw-secretary", "COMMUNITY_SECRETARY", GANGWAN);
        for (JsonNode h : secretary.get(street + "/capacity-hours").json()) {
            assertTrue(h.get("community").asText().startsWith(GANGWAN), h.toString());
        }
        assertEquals(403, secretary.json("POST", street + "/capacity-sessions", good).status());
    }

    @Test
    void myTrainingIsForLeadersOnly() throws Exception {
        // an account bound as LEADER without a leader record (a helper such as a steward): an empty record, not an error
        Http helper = user("cap-helper", "LEADER", GANGWAN + "B001U01");
        JsonNode mine = helper.get("/api/v1/me/training").json();
        assertEquals(0, mine.get("onboarding").size(), mine.toString());
        assertEquals(0, mine.get("capacity").get("years").size(), mine.toString());
        assertEquals(403, admin().get("/api/v1/me/training").status());
    }
}
