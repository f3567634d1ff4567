package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One leader through the HTTP API from nomination to NOT_REAPPOINTED: the residents' representatives meeting, training,
 * certification with a work ID, service on the nominated unit, a semi-annual evaluation under 60%. Illegal moves are
 * refused with the allowed ones; every move is in the history and on Event Admin.
 */
class LifecycleIT extends PlatformTest {


    @Test
    void fromNominationToNotReappointed() throws Exception {
        Http admin = admin();
        assertEquals(200, admin.upload("/api/v1/imports/leaders", "street,community,building,unit,role,name,gender,"
                + "birth_date,education,party_member,phone,nomination\n八里台镇,生命周期社区,1号楼,1单元,楼门长,老楼长,男,"
                + "1965-05-05,高中,是,13500000001,推荐\n").status());
        StringBuilder households = new StringBuilder("street,community,building,unit,room,head_name,members,phone,"
                + "special_groups\n");
        for (int i = 1; i <= 5; i++) {
            households.append("八里台镇,生命周期社区,1号楼,1单元,10").append(i).append(",住户,1,,\n");
        }
        assertEquals(200, admin.upload("/api/v1/imports/households", households.toString()).status());
        String community = null;
        for (JsonNode c : admin.get("/api/v1/streets/120112107/communities").json()) {
            community = c.get("name").asText().equals("生命周期社区") ? c.get("code").asText() : community;
        }
        String unit = community + "B001U01";

        EventCollector subscriber = EventCollector.listen(context, "org/loumen/leader/*");
        List<Event> seen = subscriber.seen();
        try {
            Http.Response nominated = admin.json("POST", "/api/v1/communities/" + community + "/nominations", Map.of(
                    "name", "新楼长", "gender", "FEMALE", "birthDate", "1980-08-08", "education", "BACHELOR",
                    "partyMember", true, "phone", "13500000002", "method", "RECOMMENDED", "nominatedBy", "社区党组织",
                    "role", "UNIT_LEADER", "place", unit));
            assertEquals(201, nominated.status(), nominated.body());
            long id = nominated.json().get("id").asLong();
            assertEquals("NOMINATED", nominated.json().get("status").asText());
            String leader = "/api/v1/leaders/" + id;

            Http.Response shortcut = admin.json("PUT", leader, Map.of("version", nominated.json().get("version")
                    .asLong(), "assignments", List.of(Map.of("role", "UNIT_LEADER", "place", unit))));
            assertEquals(400, shortcut.status(), "only the certified serve: " + shortcut.body());
            assertEquals("assignments", shortcut.json().get("field").asText());

            Http.Response early = admin.send("POST", leader + "/activation", null, null);
            assertEquals(409, early.status());
            assertEquals("illegal-transition", early.json().get("error").asText());
            assertEquals("[\"APPROVED\",\"REJECTED\"]", early.json().get("allowed").toString());

            Http.Response badVotes = admin.json("POST", leader + "/decision", Map.of("meetingDate", "2026-03-01",
                    "attendees", 10, "votesFor", 8, "votesAgainst", 3, "abstentions", 0));
            assertEquals(400, badVotes.status());
            Http.Response approved = admin.json("POST", leader + "/decision", Map.of("meetingDate", "2026-03-01",
                    "attendees", 17, "votesFor", 9, "votesAgainst", 6, "abstentions", 2));
            assertEquals("APPROVED", approved.json().get("status").asText(), approved.body());
            assertEquals(409, admin.send("POST", leader + "/activation", null, null).status(), "not trained yet");
            assertEquals("IN_TRAINING", admin.json("POST", leader + "/training", Map.of("session",
                    "2026 年第一期入职培训", "startsOn", "2026-03-10")).json().get("status").asText());
            // certification needs a passed assessment (issue 20): the training is assessed first
            assertEquals(200, admin.json("POST", leader + "/assessment", Map.of("result", "PASSED")).status());
            Http.Response certified = admin.json("POST", leader + "/certification", Map.of("workId", "BLT-0001",
                    "armbandIssuedOn", "2026-03-20"));
            assertEquals("CERTIFIED", certified.json().get("status").asText(), certified.body());
            assertEquals("BLT-0001", certified.json().get("workId").asText());
            Http.Response serving = admin.send("POST", leader + "/activation", null, null);
            assertEquals("IN_SERVICE", serving.json().get("status").asText(), serving.body());
            assertEquals(unit, serving.json().get("assignments").get(0).get("unit").asText());

            // the evaluation: 2 of 5 satisfied is 40.00%, under 60: not re-appointed
            long evaluation = admin.json("POST", "/api/v1/evaluations", Map.of("community", community,
                    "period", "2026-H2")).json().get("id").asLong();
            int n = 0;
            for (String code : ballotCodes(admin, evaluation, "1号楼1单元")) {
                Http.Response ballot = ballot(code, id, n++ < 2 ? "SATISFIED" : "DISSATISFIED");
                assertEquals(201, ballot.status(), ballot.body());
            }
            assertEquals(5, n);
            assertEquals(200, admin.send("POST", "/api/v1/evaluations/" + evaluation + "/close", null, null).status());
            JsonNode after = admin.get(leader).json();
            assertEquals("NOT_REAPPOINTED", after.get("status").asText());
            assertTrue(after.get("assignments").get(0).hasNonNull("end"), "the assignment ended");

            Http.Response finalMove = admin.json("POST", leader + "/status", Map.of("to", "IN_SERVICE",
                    "reason", "想继续"));
            assertEquals(409, finalMove.status());
            assertEquals("[]", finalMove.json().get("allowed").toString());

            JsonNode history = admin.get(leader + "/history").json();
            List<String> moves = new ArrayList<>();
            history.forEach(s -> moves.add(s.get("to").asText()));
            assertEquals(List.of("NOMINATED", "APPROVED", "IN_TRAINING", "CERTIFIED", "IN_SERVICE", "NOT_REAPPOINTED"),
                    moves);
            assertEquals("admin", history.get(1).get("actor").asText());
            assertTrue(history.get(1).get("details").asText().contains("for 9"), history.toString());
            assertTrue(history.get(5).get("reason").asText().contains("40.00"), history.toString());

            Http.until(() -> http.get("/api/v1/health"), x -> seen.stream().anyMatch(e -> e.getTopic().equals(
                    "org/loumen/leader/NOT_REAPPOINTED") && Long.valueOf(id).equals(e.getProperty("leader"))), 10,
                    "the NOT_REAPPOINTED event");
            assertTrue(seen.stream().anyMatch(e -> e.getTopic().equals("org/loumen/leader/CERTIFIED")
                    && Long.valueOf(id).equals(e.getProperty("leader"))));
        } finally {
            subscriber.close();
        }
    }
}
