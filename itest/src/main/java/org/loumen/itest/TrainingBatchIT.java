package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Onboarding training batches (入职培训班) through HTTP: a street admin enrols approved leaders, records attendance and
 * the assessment; only a pass is certified (with a work ID made by the pattern), a fail joins a later batch with its
 * history kept; the old free-text route is assessed before certification; scope and bad input.
 */
class TrainingBatchIT extends PlatformTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Nominates and approves a leader for the first unit of the community; their id. */
    static long approved(Http admin, String community, String name, String phone) throws Exception {
        String unit = admin.get("/api/v1/communities/" + community + "/buildings").json().get(0).get("units").get(0)
                .get("code").asText();
        Http.Response n = admin.json("POST", "/api/v1/communities/" + community + "/nominations", Map.of("name", name,
                "gender", "FEMALE", "birthDate", "1980-01-01", "education", "BACHELOR", "partyMember", false,
                "phone", phone, "method", "SELF", "nominatedBy", "本人", "role", "UNIT_LEADER", "place", unit));
        assertEquals(201, n.status(), n.body());
        long id = n.json().get("id").asLong();
        Http.Response d = admin.json("POST", "/api/v1/leaders/" + id + "/decision", Map.of("meetingDate",
                LocalDate.now(CHINA).minusDays(3).toString(), "attendees", 9, "votesFor", 8, "votesAgainst", 1,
                "abstentions", 0));
        assertEquals("APPROVED", d.json().get("status").asText(), d.body());
        return id;
    }

    static Map<String, Object> batch(String title, LocalDate from, LocalDate to) {
        return Map.of("title", title, "startsOn", from.toString(), "endsOn", to.toString(), "place", "镇党群服务中心",
                "trainers", List.of("王老师", "李老师"), "curriculum", List.of("五员职责", "问题时报", "调解入门"));
    }

    @Test
    void aBatchFromEnrolmentToCertificationOnlyAPassIsCertified() throws Exception {
        Http sg = user("sg-admin", "STREET_ADMIN", SHUANGGANG);
        long a = approved(sg, GANGWAN, "培训甲", "13647001001");
        long b = approved(sg, GANGWAN, "培训乙", "13647001002");
        long c = approved(sg, "120112103002", "培训丙", "13647001003");
        LocalDate start = LocalDate.now(CHINA).minusDays(2);

        Http.Response bad = sg.json("POST", "/api/v1/streets/" + SHUANGGANG + "/training-batches",
                batch("测试班", start, start.minusDays(1)));
        assertEquals(400, bad.status(), bad.body());
        assertEquals("endsOn", bad.json().get("field").asText());
        Http.Response noTrainer = sg.json("POST", "/api/v1/streets/" + SHUANGGANG + "/training-batches", Map.of(
                "title", "x", "startsOn", start.toString(), "endsOn", start.toString(), "place", "p", "trainers",
                List.of(" "), "curriculum", List.of("a")));
        assertEquals("trainers", noTrainer.json().get("field").asText(), noTrainer.body());

        Http.Response created = sg.json("POST", "/api/v1/streets/" + SHUANGGANG + "/training-batches",
                batch("IT 第一期", start, start.plusDays(1)));
        assertEquals(201, created.status(), created.body());
        long batch = created.json().get("id").asLong();
        assertEquals(2, created.json().get("days").size());
        String base = "/api/v1/training-batches/" + batch;

        List<Long> candidates = new ArrayList<>();
        sg.get(base + "/candidates").json().forEach(x -> candidates.add(x.get("leader").asLong()));
        assertTrue(candidates.containsAll(List.of(a, b, c)), candidates.toString());

        Http.Response enrolled = sg.json("POST", base + "/enrolments", Map.of("leaders", List.of(a, b, c)));
        assertEquals(200, enrolled.status(), enrolled.body());
        assertEquals(3, enrolled.json().size());
        assertEquals("IN_TRAINING", sg.get("/api/v1/leaders/" + a).json().get("status").asText());
        Http.Response again = sg.json("POST", base + "/enrolments", Map.of("leaders", List.of(a)));
        assertEquals(409, again.status());
        assertEquals("not-enrollable", again.json().get("error").asText());

        Http.Response outside = sg.json("PUT", base + "/attendance/" + start.minusDays(1), Map.of("present",
                List.of(a)));
        assertEquals(400, outside.status());
        assertEquals("day", outside.json().get("field").asText());
        assertEquals("present", sg.json("PUT", base + "/attendance/" + start, Map.of("present", List.of(a, 1L)))
                .json().get("field").asText());
        assertEquals(200, sg.json("PUT", base + "/attendance/" + start, Map.of("present", List.of(a, b))).status());
        JsonNode roster = sg.json("PUT", base + "/attendance/" + start.plusDays(1), Map.of("present", List.of(a)))
                .json();
        for (JsonNode r : roster) {
            int days = r.get("attended").size();
            assertEquals(r.get("leader").asLong() == a ? 2 : r.get("leader").asLong() == b ? 1 : 0, days,
                    r.toString());
        }

        Http.Response early = sg.json("POST", base + "/certifications", Map.of("leader", a, "armbandIssuedOn",
                LocalDate.now(CHINA).toString()));
        assertEquals(409, early.status(), early.body());
        assertEquals("training-not-passed", early.json().get("error").asText());

        Http.Response noNote = sg.json("POST", base + "/assessments", Map.of("leader", b, "result", "FAILED"));
        assertEquals(400, noNote.status());
        assertEquals("note", noNote.json().get("field").asText());
        assertEquals("result", sg.json("POST", base + "/assessments", Map.of("leader", b, "result", "MAYBE"))
                .json().get("field").asText());
        assertEquals("PASSED", sg.json("POST", base + "/assessments", Map.of("leader", a, "result", "PASSED"))
                .json().get("result").asText());
        assertEquals(200, sg.json("POST", base + "/assessments", Map.of("leader", b, "result", "FAILED", "note",
                "实操未通过")).status());
        assertEquals(200, sg.json("POST", base + "/assessments", Map.of("leader", c, "result", "ABSENT", "note",
                "病假")).status());

        assertEquals("armbandIssuedOn", sg.json("POST", base + "/certifications", Map.of("leader", a)).json()
                .get("field").asText());
        Http.Response certified = sg.json("POST", base + "/certifications", Map.of("leader", a, "armbandIssuedOn",
                LocalDate.now(CHINA).toString()));
        assertEquals(200, certified.status(), certified.body());
        assertEquals("CERTIFIED", certified.json().get("status").asText());
        String workId = certified.json().get("workId").asText();
        assertTrue(workId.matches(SHUANGGANG + "-" + LocalDate.now(CHINA).getYear() + "-\\d{4}"), workId);
        Http.Response failed = sg.json("POST", base + "/certifications", Map.of("leader", b, "armbandIssuedOn",
                LocalDate.now(CHINA).toString()));
        assertEquals(409, failed.status());
        assertEquals("training-not-passed", failed.json().get("error").asText());
        assertEquals(409, sg.json("POST", base + "/assessments", Map.of("leader", a, "result", "FAILED", "note",
                "x")).status(), "a certified result is final");

        // the failed one joins a later batch; the first result stays in the record
        long second = sg.json("POST", "/api/v1/streets/" + SHUANGGANG + "/training-batches", batch("IT 第二期",
                start.plusDays(10), start.plusDays(10))).json().get("id").asLong();
        assertEquals(200, sg.json("POST", "/api/v1/training-batches/" + second + "/enrolments", Map.of("leaders",
                List.of(b))).status());
        // the later batch's candidates: c, absent, to retake; not b (enrolled in it) nor a (passed and certified)
        Map<Long, Boolean> retakes = new java.util.HashMap<>();
        sg.get("/api/v1/training-batches/" + second + "/candidates").json().forEach(x -> retakes.put(
                x.get("leader").asLong(), x.get("retake").asBoolean()));
        assertEquals(Boolean.TRUE, retakes.get(c), retakes.toString());
        assertFalse(retakes.containsKey(b), retakes.toString());
        assertFalse(retakes.containsKey(a), retakes.toString());
        JsonNode record = sg.get("/api/v1/leaders/" + b + "/training").json().get("onboarding");
        assertEquals(2, record.size(), record.toString());
        assertEquals("FAILED", record.get(0).get("result").asText());
        assertTrue(record.get(1).get("result").isNull());
        assertEquals(409, sg.json("POST", base + "/assessments", Map.of("leader", b, "result", "PASSED")).status(),
                "the first batch's result is history once enrolled again");
        assertEquals("[\"assessment\"]", sg.get("/api/v1/leaders/" + b + "/actions").json().get("actions")
                .toString());
        assertEquals("[\"reenrol\"]", sg.get("/api/v1/leaders/" + c + "/actions").json().get("actions").toString());

        JsonNode figures = sg.get("/api/v1/training/figures?street=" + SHUANGGANG).json().get(0);
        assertTrue(figures.get("trained").asInt() >= 3, figures.toString());
        assertTrue(figures.get("certified").asInt() >= 1, figures.toString());
        assertTrue(figures.get("waiting").asInt() >= 1, "c waits to retake: " + figures);

        // scope: another street's admin sees nothing of it; a secretary may not run batches
        Http other = user("sx-admin", "STREET_ADMIN", SHUANGXIN);
        assertEquals(404, other.get(base).status());
        assertEquals(404, other.json("POST", base + "/enrolments", Map.of("leaders", List.of(b))).status());
        assertFalse(other.get("/api/v1/training-batches").body().contains("IT 第一期"));
        Http secretary = user("gw-secretary", "COMMUNITY_SECRETARY", GANGWAN);
        assertEquals(403, secretary.json("POST", "/api/v1/streets/" + SHUANGGANG + "/training-batches",
                batch("x", start, start)).status());
        assertTrue(secretary.get("/api/v1/training-batches").body().contains("IT 第一期"));
        assertEquals(200, secretary.get("/api/v1/leaders/" + a + "/training").status());
    }

    @Test
    void theOldFreeTextRouteIsAssessedBeforeCertification() throws Exception {
        Http sg = user("sg-admin", "STREET_ADMIN", SHUANGGANG);
        long d = approved(sg, GANGWAN, "培训丁", "13647001004");
        String leader = "/api/v1/leaders/" + d;
        assertEquals("IN_TRAINING", sg.json("POST", leader + "/training", Map.of("session", "2026 冬季班")).json()
                .get("status").asText());
        assertEquals("[\"assessment\"]", sg.get(leader + "/actions").json().get("actions").toString());
        Http.Response refused = sg.json("POST", leader + "/certification", Map.of("workId", "IT-OLD-1",
                "armbandIssuedOn", LocalDate.now(CHINA).toString()));
        assertEquals(409, refused.status());
        assertEquals("training-not-passed", refused.json().get("error").asText());
        assertEquals("IN_TRAINING", sg.get(leader).json().get("status").asText(), "nothing written");
        assertEquals("result", sg.json("POST", leader + "/assessment", Map.of()).json().get("field").asText());
        assertEquals(200, sg.json("POST", leader + "/assessment", Map.of("result", "PASSED")).status());
        assertEquals("[\"certification\"]", sg.get(leader + "/actions").json().get("actions").toString());
        Http.Response ok = sg.json("POST", leader + "/certification", Map.of("workId", "IT-OLD-1",
                "armbandIssuedOn", LocalDate.now(CHINA).toString()));
        assertEquals("CERTIFIED", ok.json().get("status").asText(), ok.body());
        JsonNode record = sg.get(leader + "/training").json().get("onboarding");
        assertEquals("2026 冬季班", record.get(0).get("title").asText());
        assertEquals("IT-OLD-1", record.get(0).get("workId").asText());
    }

    @Test
    void parallelEnrolmentsEnrolEachLeaderOnceAndLeaveNoPartialWrite() throws Exception {
        Http sg = user("sg-admin", "STREET_ADMIN", SHUANGGANG);
        long a = approved(sg, GANGWAN, "并发甲", "13647002001");
        long b = approved(sg, GANGWAN, "并发乙", "13647002002");
        LocalDate start = LocalDate.now(CHINA).plusDays(20);
        List<String> bases = new ArrayList<>();
        for (String title : List.of("IT 并发一期", "IT 并发二期")) {
            Http.Response created = sg.json("POST", "/api/v1/streets/" + SHUANGGANG + "/training-batches",
                    batch(title, start, start));
            assertEquals(201, created.status(), created.body());
            bases.add("/api/v1/training-batches/" + created.json().get("id").asLong());
        }
        // eight requests at once, half into each batch, each naming both leaders: one wins, the others are refused
        AtomicInteger turn = new AtomicInteger();
        List<Integer> statuses = CivicTest.parallel(8, () -> sg.json("POST",
                bases.get(turn.getAndIncrement() % 2) + "/enrolments", Map.of("leaders", List.of(a, b))));
        assertEquals(1, statuses.stream().filter(x -> x == 200).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(x -> x == 409).count(), statuses.toString());
        int enrolled = 0;
        for (String base : bases) {
            enrolled += sg.get(base + "/roster").json().size();
        }
        assertEquals(2, enrolled, "each leader enrolled once, both in the same batch");
        assertEquals("IN_TRAINING", sg.get("/api/v1/leaders/" + a).json().get("status").asText());

        // a leader who may not join among the chosen: nothing is kept, not even the free one's move
        long c = approved(sg, GANGWAN, "并发丙", "13647002003");
        Http.Response mixed = sg.json("POST", bases.get(1) + "/enrolments", Map.of("leaders", List.of(c, a)));
        assertEquals(409, mixed.status(), mixed.body());
        assertEquals("APPROVED", sg.get("/api/v1/leaders/" + c).json().get("status").asText());
        assertEquals(enrolled, sg.get(bases.get(0) + "/roster").json().size() + sg.get(bases.get(1) + "/roster")
                .json().size());
    }

    @Test
    void theDemoStreetHasBatchesToShow() throws Exception {
        Http sg = user("sg-admin", "STREET_ADMIN", SHUANGGANG);
        JsonNode batches = sg.get("/api/v1/training-batches?street=" + SHUANGGANG).json();
        assertTrue(batches.toString().contains("双港镇2026年第1期楼门栋长入职培训"), batches.toString());
    }

    /** The district's figures are each street's own, the waiting count holds the street's approved leaders, and a
     * secretary's figures are of their community only. */
    @Test
    void theDistrictsFiguresAreEachStreetsOwnAndFollowTheScope() throws Exception {
        Http admin = admin();
        JsonNode district = admin.get("/api/v1/training/figures").json();
        assertTrue(district.size() > 1, district.toString());
        for (JsonNode row : district) {
            String street = row.get("street").asText();
            JsonNode own = admin.get("/api/v1/training/figures?street=" + street).json();
            assertEquals(1, own.size(), own.toString());
            assertEquals(row, own.get(0), street);
            long approved = admin.get("/api/v1/leaders?size=1&status=APPROVED&street=" + street).json().get("total")
                    .asLong();
            assertEquals(approved + row.get("failed").asInt(), row.get("waiting").asInt(), row.toString());
        }
        JsonNode shuanggang = admin.get("/api/v1/training/figures?street=" + SHUANGGANG).json().get(0);
        assertTrue(shuanggang.get("trained").asInt() > 0, "the demo's batches: " + shuanggang);
        Http secretary = user("fig-gw-secretary", "COMMUNITY_SECRETARY", GANGWAN);
        JsonNode mine = secretary.get("/api/v1/training/figures").json();
        assertEquals(1, mine.size(), mine.toString());
        assertEquals(SHUANGGANG, mine.get(0).get("street").asText());
        assertTrue(mine.get(0).get("trained").asInt() <= shuanggang.get("trained").asInt());
        long approvedHere = admin.get("/api/v1/leaders?size=1&status=APPROVED&community=" + GANGWAN).json()
                .get("total").asLong();
        assertEquals(approvedHere + mine.get(0).get("failed").asInt(), mine.get(0).get("waiting").asInt());
    }
}
