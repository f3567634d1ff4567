package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.loumen.security.Role;
import org.loumen.testkit.DemoPlaces;
import org.loumen.testkit.ProgrammeTester;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.startlevel.BundleStartLevel;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The shipped elder smartphone training programme (plugin.elder-smartphone-training, installed from its module's jar as
 * FileInstall would) in the whole platform, through the real dispatcher with the test kit: demo courses seeded once;
 * a secretary plans a course with lessons by a leader and a volunteer; elders of households of the community enrol
 * (60 or older, a full course, a second enrolment, withdrawal frees a place); the roll; the checklist completes a
 * trainee, whose certificate then prints; the leader who trains (an account issued to a 港湾家园 leader) ticks skills, another leader may not; cancellation;
 * figures per community; scope (another community, another street), the auditor refused, a disabled street; and the
 * programme reads only what it declared (leaders' names and households, never phones).
 */
class ElderSmartphoneTrainingIT extends PlatformTest {

    static final String ID = "elder-smartphone-training";
    static final String OTHER_COMMUNITY = DemoPlaces.CHUNHUILI;

    private static Bundle plugin;
    private static String leaderUsername;

    @BeforeAll
    static void install() throws Exception {
        BundleContext bc = FrameworkUtil.getBundle(ElderSmartphoneTrainingIT.class).getBundleContext();
        Path target = Paths.get(System.getProperty("loumen.data")).resolve("../../../plugin.elder-smartphone-training/target")
                .normalize();
        Path jar;
        try (Stream<Path> files = Files.list(target)) {
            jar = files.filter(f -> f.getFileName().toString().matches("plugin\\.elder-smartphone-training-[0-9.]+"
                    + "(-SNAPSHOT)?\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("build plugin.elder-smartphone-training first: no jar in "
                            + target));
        }
        plugin = bc.installBundle(jar.toUri().toString());
        plugin.adapt(BundleStartLevel.class).setStartLevel(10); // as FileInstall deploys: within the framework's level
        plugin.start();
    }

    @AfterAll
    static void uninstall() throws Exception {
        if (plugin != null) {
            plugin.uninstall(); // its tables and rows stay, as on undeploy
        }
    }

    private static JsonNode ok(ProgrammeTester.Response r, int status) {
        assertEquals(status, r.status(), r.body());
        return r.json();
    }

    private static String field(ProgrammeTester.Response r) {
        assertEquals(400, r.status(), r.body());
        return r.json().get("field").asText();
    }

    /**
     * A leader of 港湾家园 with an account of their own (a leader-linked account: its caller carries the leader's id),
     * issued here by bulk issuance to the community's leaders who have none, so the demo leader's first password stays
     * for the tests that read it.
     */
    private Http gangwanLeader() throws Exception {
        synchronized (ElderSmartphoneTrainingIT.class) {
            if (leaderUsername == null) {
                Http.Response r = admin().json("POST", "/api/v1/communities/" + GANGWAN + "/leader-accounts",
                        Map.of("usernameFrom", "phone"));
                assertEquals(200, r.status(), r.body());
                JsonNode issued = r.json().get("issued");
                assertTrue(issued.size() > 0, "港湾家园 has leaders without an account: " + r.body());
                String username = issued.get(0).get("username").asText();
                String first = issued.get(0).get("password").asText();
                changePassword(login(username, first), first, PASSWORD);
                leaderUsername = username;
            }
            return login(leaderUsername, PASSWORD);
        }
    }

    private static ProgrammeTester.Response tickAll(ProgrammeTester.Client c, long course, long trainee,
            JsonNode skills) throws IOException, InterruptedException {
        ProgrammeTester.Response last = null;
        for (JsonNode s : skills) {
            last = c.post(SHUANGGANG, "/courses/" + course + "/trainees/" + trainee + "/skills", Map.of("skill",
                    s.asText()));
            assertEquals(200, last.status(), last.body());
        }
        return last;
    }

    /**
     * A community runs a course from enrolment to certificate: the steps of one story, in order, each building on the
     * fields the steps before it set.
     */
    @Scenario
    @DisplayName("a community runs a course from enrolment to certificate")
    class ACommunityRunsACourseFromEnrolmentToCertificate {

        ProgrammeTester t;
        ProgrammeTester.Client admin;
        ProgrammeTester.Client street;
        ProgrammeTester.Client secretary;
        String today;
        JsonNode course;
        long id;
        String base;
        Http leaderHttp;
        long leaderId;
        long h1;
        long h2;
        long h3;
        long t1;
        long t2;
        long t3;
        long today1;
        long later;

        @Test
        @Order(1)
        void theProgrammeReadsOnlyTheDataItDeclaredAndTheDemoEnabledIt() throws Exception {
            t = ProgrammeTester.connect(context, ID);
            admin = t.admin();

            // declared data only: leaders' names and households, shown before enabling; --demo enabled it for 双港镇
            JsonNode listed = null;
            for (JsonNode p : admin.core("GET", "/api/v1/programmes", null).json()) {
                if (p.get("id").asText().equals(ID)) {
                    listed = p;
                }
            }
            assertNotNull(listed);
            List<String> kinds = new ArrayList<>();
            listed.get("dataAccess").forEach(d -> kinds.add(d.get("kind").asText()));
            assertEquals(List.of("LEADER_NAMES", "HOUSEHOLDS"), kinds, listed.toString());
            assertTrue(listed.get("enabledStreets").toString().contains(SHUANGGANG), listed.toString());
        }

        @Test
        @Order(2)
        void theDemoIsSeededOnTheStreetAdminsFirstLookOnce() throws Exception {
            // the demo: seeded on the street admin's first look, once
            street = t.as(Role.STREET_ADMIN, SHUANGGANG);
            JsonNode demo = ok(street.get(SHUANGGANG, "/courses"), 200);
            assertEquals(3, demo.size(), demo.toString());
            assertEquals(3, ok(street.get(SHUANGGANG, "/courses"), 200).size(), "seeding again adds nothing");
            JsonNode running = demo.findParents("title").stream().filter(c -> c.get("title").asText().contains("第一期"))
                    .findFirst().orElseThrow();
            assertEquals(2, running.get("completed").asInt(), running.toString());
            assertEquals(5, running.get("sessions").asInt());
            assertTrue(running.get("attendanceRate").isNumber(), running.toString());
            assertTrue(demo.toString().contains("\"status\":\"CANCELLED\""), demo.toString());
        }

        @Test
        @Order(3)
        void aSecretaryPlansACourseOfTwoPlacesWithAVolunteer() throws Exception {
            // a secretary of 港湾家园 plans a course of two places with a volunteer
            secretary = t.as(Role.COMMUNITY_SECRETARY, GANGWAN);
            today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
            assertEquals("title", field(secretary.post(SHUANGGANG, "/courses", Map.of("community", GANGWAN,
                    "startsOn", today, "capacity", 2))));
            assertEquals("skills", field(secretary.post(SHUANGGANG, "/courses", Map.of("community", GANGWAN, "title",
                    "x", "skills", List.of("ONLINE_SERVICES"), "startsOn", today, "capacity", 2))));
            assertEquals("capacity", field(secretary.post(SHUANGGANG, "/courses", Map.of("community", GANGWAN, "title",
                    "x", "startsOn", today, "capacity", "two"))));
            assertEquals(404, secretary.post(SHUANGGANG, "/courses", Map.of("community", OTHER_COMMUNITY, "title", "x",
                    "startsOn", today, "capacity", 2)).status(), "not the secretary's community");
            course = ok(secretary.post(SHUANGGANG, "/courses", Map.of("community", GANGWAN, "title",
                    "视频通话与防诈骗", "skills", List.of("VIDEO_CALL", "FRAUD_PREVENTION"), "startsOn", today,
                    "capacity", 2, "volunteers", List.of("周志愿"))), 201);
            id = course.get("id").asLong();
            base = "/courses/" + id;
            assertEquals("OPEN", course.get("status").asText());
        }

        @Test
        @Order(4)
        void lessonsAreGivenByALeaderNamedWithoutPhoneOrAVolunteerOfTheCourse() throws Exception {
            // trainers: leaders by name only (no phone), through the declared data
            ProgrammeTester.Response trainers = secretary.get(SHUANGGANG, "/trainers?community=" + GANGWAN);
            JsonNode choices = ok(trainers, 200);
            assertFalse(trainers.body().contains("phone") || trainers.body().contains("139"), trainers.body());
            leaderHttp = gangwanLeader();
            leaderId = leaderHttp.get("/api/v1/auth/me").json().get("leaderId").asLong();
            assertTrue(choices.toString().contains("\"id\":" + leaderId), choices.toString());
            // a lesson today by the leader, one next week by the volunteer
            ok(secretary.post(SHUANGGANG, base + "/sessions", Map.of("heldOn", today, "startsAt", "09:30", "place",
                    "社区活动室", "trainerLeader", leaderId)), 201);
            JsonNode ahead = ok(secretary.post(SHUANGGANG, base + "/sessions", Map.of("heldOn",
                    java.time.LocalDate.parse(today).plusDays(7).toString(), "place", "社区活动室", "trainerVolunteer",
                    "周志愿")), 201);
            assertEquals("VOLUNTEER", ahead.get("trainerKind").asText());
            assertEquals("trainerVolunteer", field(secretary.post(SHUANGGANG, base + "/sessions", Map.of("heldOn",
                    today, "place", "社区活动室", "trainerVolunteer", "不认识的人"))));
            assertEquals("trainerLeader", field(secretary.post(SHUANGGANG, base + "/sessions", Map.of("heldOn", today,
                    "place", "社区活动室"))));
            assertEquals("trainerLeader", secretary.post(SHUANGGANG, base + "/sessions", Map.of("heldOn", today,
                    "place", "社区活动室", "trainerLeader", 987654321)).json().get("field").asText());
        }

        @Test
        @Order(5)
        void householdsOfTheCommunityComeWithoutPhones() throws Exception {
            // households of the community: no phone leaves the programme
            ProgrammeTester.Response hs = secretary.get(SHUANGGANG, "/households?community=" + GANGWAN);
            JsonNode households = ok(hs, 200);
            assertTrue(households.size() >= 3, hs.body());
            assertFalse(hs.body().contains("phone"), hs.body());
            households.forEach(h -> assertTrue(h.get("unit").asText().startsWith(GANGWAN)));
            assertEquals("community", field(secretary.get(SHUANGGANG, "/households?community=" + OTHER_COMMUNITY)));
            h1 = households.get(0).get("id").asLong();
            h2 = households.get(1).get("id").asLong();
            h3 = households.get(2).get("id").asLong();
        }

        @Test
        @Order(6)
        void eldersOfSixtyOrMoreEnrolOnceWhileThereIsAPlace() throws Exception {
            // enrolment: 60 or older, a household of the community, once, while there is a place
            assertEquals("birthYear", field(secretary.post(SHUANGGANG, base + "/trainees", Map.of("household", h1,
                    "name", "李大爷", "birthYear", 1990))));
            assertEquals("household", field(secretary.post(SHUANGGANG, base + "/trainees", Map.of("name", "李大爷",
                    "birthYear", 1950))));
            assertEquals("household", secretary.post(SHUANGGANG, base + "/trainees", Map.of("household", 987654321L,
                    "name", "李大爷", "birthYear", 1950)).json().get("field").asText());
            t1 = ok(secretary.post(SHUANGGANG, base + "/trainees", Map.of("household", h1, "name", "李大爷",
                    "birthYear", 1950)), 201).get("id").asLong();
            assertEquals("already-enrolled", secretary.post(SHUANGGANG, base + "/trainees", Map.of("household", h1,
                    "name", "李大爷", "birthYear", 1950)).error());
            t2 = ok(secretary.post(SHUANGGANG, base + "/trainees", Map.of("household", h2, "name", "张奶奶",
                    "birthYear", 1948)), 201).get("id").asLong();
            assertEquals("course-full", secretary.post(SHUANGGANG, base + "/trainees", Map.of("household", h3, "name",
                    "王奶奶", "birthYear", 1952)).error());
            assertEquals(200, secretary.post(SHUANGGANG, base + "/trainees/" + t2 + "/withdrawal", Map.of()).status());
            assertEquals("withdrawn", secretary.post(SHUANGGANG, base + "/trainees/" + t2 + "/withdrawal", Map.of())
                    .error());
            t3 = ok(secretary.post(SHUANGGANG, base + "/trainees", Map.of("household", h3, "name", "王奶奶",
                    "birthYear", 1952)), 201).get("id").asLong();
        }

        @Test
        @Order(7)
        void theRollIsTakenForTodaysLessonNotNextWeeks() throws Exception {
            // the roll of today's lesson; next week's cannot be taken yet
            JsonNode detail = ok(secretary.get(SHUANGGANG, base), 200);
            today1 = detail.get("sessions").get(0).get("id").asLong();
            later = detail.get("sessions").get(1).get("id").asLong();
            JsonNode roll = ok(secretary.put(SHUANGGANG, base + "/sessions/" + today1 + "/attendance", Map.of("present",
                    List.of(t1))), 200);
            assertEquals(1, roll.get("present").asInt());
            assertEquals(2, roll.get("recorded").asInt(), "the two enrolled; the withdrawn is not on the roll");
            assertEquals("session-ahead", secretary.put(SHUANGGANG, base + "/sessions/" + later + "/attendance",
                    Map.of("present", List.of())).error());
            assertEquals("present", secretary.put(SHUANGGANG, base + "/sessions/" + today1 + "/attendance",
                    Map.of("present", List.of(t2))).json().get("field").asText(), "a withdrawn trainee is not present");
        }

        @Test
        @Order(8)
        void theFullChecklistCompletesATraineeWhoseCertificateThenPrints() throws Exception {
            // the checklist: not printable until done; done completes the trainee today
            assertEquals("not-completed", secretary.get(SHUANGGANG, base + "/trainees/" + t1 + "/certificate").error());
            assertEquals("skill", field(secretary.post(SHUANGGANG, base + "/trainees/" + t1 + "/skills",
                    Map.of("skill", "RIDE_HAILING"))), "not on this course's checklist");
            JsonNode done = tickAll(secretary, id, t1, course.get("skills")).json();
            assertEquals(today, done.get("completedOn").asText(), done.toString());
            JsonNode certificate = ok(secretary.get(SHUANGGANG, base + "/trainees/" + t1 + "/certificate"), 200);
            assertEquals("李大爷", certificate.get("name").asText());
            assertTrue(certificate.get("certificateNo").asText().startsWith("ZNSJ-" + SHUANGGANG + "-"), certificate
                    .toString());
            assertEquals(1, certificate.get("attended").asInt());
            assertEquals("completed", secretary.post(SHUANGGANG, base + "/trainees/" + t1 + "/skills", Map.of("skill",
                    "VIDEO_CALL", "mastered", false)).error(), "a completed checklist stays");
        }

        @Test
        @Order(9)
        void onlyTheLeaderWhoTrainsTodayTicksSkills() throws Exception {
            // the leader who trains today's lesson ticks skills; a leader who does not train may look, not tick
            Http.Response ticked = leaderHttp.json("POST", "/api/v1/streets/" + SHUANGGANG + "/programmes/" + ID + base
                    + "/trainees/" + t3 + "/skills", Map.of("skill", "VIDEO_CALL"));
            assertEquals(200, ticked.status(), ticked.body());
            assertTrue(leaderHttp.get("/api/v1/streets/" + SHUANGGANG + "/programmes/" + ID + base).json()
                    .get("mayTrain").asBoolean());
            ProgrammeTester.Client otherLeader = t.as(Role.LEADER, GANGWAN + "B001U01");
            assertEquals(200, otherLeader.get(SHUANGGANG, base).status());
            assertFalse(otherLeader.get(SHUANGGANG, base).json().get("mayTrain").asBoolean());
            assertEquals("not-trainer", otherLeader.post(SHUANGGANG, base + "/trainees/" + t3 + "/skills",
                    Map.of("skill", "FRAUD_PREVENTION")).error());
            assertEquals(403, otherLeader.post(SHUANGGANG, "/courses", Map.of()).status(), "courses are staff's");
            assertEquals(403, otherLeader.get(SHUANGGANG, "/statistics").status());
            // a leader's households are those of their own units
            JsonNode own = ok(otherLeader.get(SHUANGGANG, "/households?community=" + GANGWAN), 200);
            own.forEach(h -> assertTrue(h.get("unit").asText().startsWith(GANGWAN + "B001U01"), own.toString()));
        }

        @Test
        @Order(10)
        void aCourseWithCompletionsStaysAFreshOneIsCancelledAndTakesNoOne() throws Exception {
            // cancellation: not once someone completed; a fresh course is cancelled and takes no one
            assertEquals("has-completions", secretary.post(SHUANGGANG, base + "/cancellation", Map.of("reason", "x"))
                    .error());
            long spare = ok(secretary.post(SHUANGGANG, "/courses", Map.of("community", GANGWAN, "title", "网约车体验",
                    "startsOn", today, "capacity", 5)), 201).get("id").asLong();
            assertEquals("reason", field(secretary.post(SHUANGGANG, "/courses/" + spare + "/cancellation", Map.of())));
            assertEquals("CANCELLED", ok(secretary.post(SHUANGGANG, "/courses/" + spare + "/cancellation",
                    Map.of("reason", "场地维修")), 200).get("status").asText());
            assertEquals("course-cancelled", secretary.post(SHUANGGANG, "/courses/" + spare + "/trainees",
                    Map.of("household", h1, "name", "李大爷", "birthYear", 1950)).error());
        }

        @Test
        @Order(11)
        void figuresArePerCommunityAndForTheStreet() throws Exception {
            // figures per community and for the street
            JsonNode figures = ok(street.get(SHUANGGANG, "/statistics"), 200);
            JsonNode gangwan = figures.get("communities").get(0);
            assertEquals(GANGWAN, gangwan.get("community").asText());
            assertEquals(figures.get("total").get("courses").asInt(), gangwan.get("courses").asInt());
            assertTrue(gangwan.get("cancelled").asInt() >= 2, gangwan.toString());
            assertTrue(gangwan.get("completionRate").isNumber() && gangwan.get("attendanceRate").isNumber(),
                    gangwan.toString());
        }

        @Test
        @Order(12)
        void otherCommunitiesOtherStreetsAndTheAuditorReachNothing() throws Exception {
            // scope: another community's secretary, another street's admin, the auditor
            ProgrammeTester.Client elsewhere = t.as(Role.COMMUNITY_SECRETARY, OTHER_COMMUNITY);
            assertEquals(404, elsewhere.get(SHUANGGANG, base).status());
            assertEquals(0, ok(elsewhere.get(SHUANGGANG, "/courses"), 200).size());
            assertEquals(404, t.as(Role.STREET_ADMIN, SHUANGXIN).get(SHUANGGANG, "/courses").status());
            assertEquals(403, t.as(Role.AUDITOR, DISTRICT).get(SHUANGGANG, "/courses").status());
        }

        @Test
        @Order(13)
        void readsOfPersonalDataAreAuditedUnderTheProgrammesId() throws Exception {
            // the reads of personal data are audited under the programme's id
            Http.Response audit = admin().get("/api/v1/audit?action=programme." + ID + ".read");
            assertEquals(200, audit.status(), audit.body());
            assertTrue(audit.body().contains("HOUSEHOLDS") && audit.body().contains("LEADER_NAMES"), audit.body());
        }

        @Test
        @Order(14)
        void switchedOffForTheStreetNothingAnswersThere() throws Exception {
            // switched off for the street: nothing answers there
            t.disable(SHUANGGANG);
            assertEquals("programme-disabled", secretary.get(SHUANGGANG, "/courses").error());
            assertEquals("programme-disabled", secretary.post(SHUANGGANG, base + "/trainees", Map.of("household", h1,
                    "name", "x", "birthYear", 1950)).error());
            t.enable(SHUANGGANG);
            assertEquals(200, secretary.get(SHUANGGANG, base).status());
        }
    }
}
