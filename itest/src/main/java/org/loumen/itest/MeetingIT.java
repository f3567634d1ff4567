package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Weekly and monthly meetings: scheduled, recorded with attendance, minutes and action items; the street's cadence. */
class MeetingIT extends PlatformTest {

    @Test
    void aWeeklyMeetingIsRecordedAndCounts() throws Exception {
        Http secretary = user("sg-secretary", "COMMUNITY_SECRETARY", GANGWAN);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate lastWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1).plusDays(2);
        EventCollector subscriber = EventCollector.listen(context, "org/loumen/meeting/*");
        java.util.List<org.osgi.service.event.Event> seen = subscriber.seen();
        Http.Response scheduled = secretary.json("POST", "/api/v1/communities/" + GANGWAN + "/meetings", Map.of(
                "kind", "WEEKLY", "scheduledOn", lastWeek.toString()));
        assertEquals(201, scheduled.status(), scheduled.body());
        long id = scheduled.json().get("id").asLong();

        List<Long> attendees = new ArrayList<>();
        for (JsonNode l : secretary.get("/api/v1/leaders?community=" + GANGWAN + "&size=3").json().get("items")) {
            attendees.add(l.get("id").asLong());
        }
        long report = secretary.json("POST", "/api/v1/reports", Map.of("place", GANGWAN, "duty", "POLICY_PUBLICIST",
                "urgency", "NORMAL", "description", "宣传栏破损")).json().get("id").asLong();
        Http.Response foreign = secretary.json("POST", "/api/v1/meetings/" + id + "/record", Map.of("minutes", "纪要",
                "attendees", List.of(999_999)));
        assertEquals(400, foreign.status());
        assertEquals("attendees[0]", foreign.json().get("field").asText());
        Http.Response recorded = secretary.json("POST", "/api/v1/meetings/" + id + "/record", Map.of(
                "attendees", attendees, "minutes", "通报本周问题时报办理情况",
                "actionItems", List.of(Map.of("report", report, "owner", "社区居委会", "text", "下周修好宣传栏"))));
        assertEquals(200, recorded.status(), recorded.body());
        assertEquals("HELD", recorded.json().get("status").asText());
        assertEquals(attendees.size(), recorded.json().get("attendees").size());
        assertEquals(report, recorded.json().get("actionItems").get(0).get("report").asLong());
        assertEquals(409, secretary.json("POST", "/api/v1/meetings/" + id + "/record", Map.of("minutes", "再记一次"))
                .status());

        Http.until(() -> http.get("/api/v1/health"), x -> seen.stream().anyMatch(e -> e.getTopic().equals(
                "org/loumen/meeting/HELD") && Long.valueOf(id).equals(e.getProperty("meeting"))), 10, "HELD event");
        subscriber.close();
        Http street = user("sg-admin", "STREET_ADMIN", SHUANGGANG);
        JsonNode cadence = street.get("/api/v1/meetings/cadence?weeks=1&months=1").json();
        boolean sawGangwan = false;
        boolean sawMissing = false;
        for (JsonNode c : cadence) {
            assertTrue(c.get("community").asText().startsWith(SHUANGGANG), c.toString());
            if (c.get("community").asText().equals(GANGWAN)) {
                sawGangwan = true;
                assertEquals(0, c.get("missedWeeks").asInt(), c.toString());
                assertEquals(lastWeek.toString(), c.get("lastWeekly").asText());
            } else {
                sawMissing |= c.get("missing").asBoolean();
            }
        }
        assertTrue(sawGangwan && sawMissing, "communities without meetings show up: " + cadence);
        assertEquals(404, street.get("/api/v1/meetings/cadence?street=" + SHUANGXIN).status());
        assertFalse(street.get("/api/v1/communities/" + GANGWAN + "/meetings").json().isEmpty());
    }
}
