package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.loumen.security.Role;
import org.loumen.testkit.ProgrammeTester;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.startlevel.BundleStartLevel;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The mediation programme (plugin.mediation, installed from its module's jar) through the real dispatcher with the
 * test kit: the street pairs a mediator (MEDIATOR granted at 港湾家园) with 港湾家园's demo leader; the leader records
 * a dispute in a screening round (names refused); the mediator turns it into a case and takes it through sessions,
 * agreement, follow-up and archiving, and turns a core report of the duty 矛盾化解调处员 into a case; the secretary
 * of the community sees the cases, a secretary or mediator of another community gets 404, a leader not paired 403;
 * an ended pairing stays listed and records nothing more; a disabled street answers programme-disabled.
 */
class MediationIT extends PlatformTest {

    static final String ID = "mediation";
    static final String OTHER = "120112103002";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private static Bundle installed;

    @BeforeAll
    static void install() throws Exception {
        BundleContext bc = FrameworkUtil.getBundle(MediationIT.class).getBundleContext();
        Path target = Paths.get(System.getProperty("loumen.data")).resolve("../../../plugin.mediation/target")
                .normalize();
        Path jar;
        try (var files = Files.list(target)) {
            jar = files.filter(f -> f.getFileName().toString().matches("plugin\\.mediation-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("build plugin.mediation first: " + target));
        }
        try (InputStream in = Files.newInputStream(jar)) {
            installed = bc.installBundle("itest:plugin.mediation", in);
        }
        // at the framework's level (installed bundles get the initial level, 11, above the test launch's 10)
        installed.adapt(BundleStartLevel.class).setStartLevel(10);
        installed.start();
    }

    @AfterAll
    static void uninstall() throws Exception {
        installed.uninstall();
    }

    /** The kit's user name for a programme role at a node (as ProgrammeTester.granted makes it). */
    static String grantedName(String role, String node) {
        return "t-g-" + String.format("%08x", (ID + ":" + role).hashCode()) + "-" + node;
    }

    /** 港湾家园's demo leader (13900000005), signed in with their own password, and their leader id. */
    private Http demoLeader() throws Exception {
        Path file = Paths.get(System.getProperty("loumen.data")).resolve("demo-accounts.txt");
        Map<String, String> passwords = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && f[0].equals("楼门栋长")) {
                passwords.put(f[1], f[2]);
            }
        }
        Http.Response r = http.json("POST", "/api/v1/auth/login", Map.of("username", "13900000005", "password",
                passwords.get("13900000005")));
        if (r.status() == 200) {
            if (r.json().get("user").get("mustChangePassword").asBoolean()) {
                changePassword(http.as(r.json().get("token").asText()), passwords.get("13900000005"), PASSWORD);
                return login("13900000005", PASSWORD);
            }
            return http.as(r.json().get("token").asText());
        }
        return login("13900000005", PASSWORD); // another test changed it already
    }

    private static long leaderId(Http leader) throws Exception {
        JsonNode me = leader.get("/api/v1/auth/me").json();
        JsonNode id = me.has("leaderId") ? me.get("leaderId") : me.get("user").get("leaderId");
        assertNotNull(id, me.toString());
        return id.asLong();
    }

    private static String md(String path) {
        return "/api/v1/streets/" + SHUANGGANG + "/programmes/" + ID + path;
    }

    /**
     * Pair, screen, mediate, follow up, archive, within the right eyes: one story in ordered steps, each building on
     * the fields the steps before it set.
     */
    @Scenario
    @DisplayName("pair, screen, mediate, follow up and archive, each within the right eyes")
    class PairScreenMediateFollowUpArchiveWithinTheRightEyes {

        ProgrammeTester t;
        ProgrammeTester.Client street;
        ProgrammeTester.Client secretary;
        ProgrammeTester.Client otherSecretary;
        ProgrammeTester.Client mediator;
        ProgrammeTester.Client otherMediator;
        Http leader;
        Map<String, Object> pairing;
        ProgrammeTester.Response refused;
        ProgrammeTester.Response paired;
        long pairingId;
        ProgrammeTester.Response round;
        long roundId;
        String disputes;
        long disputeId;
        long caseId;
        String one;
        ProgrammeTester.Response session;

        @Test
        @Order(1)
        void theStreetPairsALeaderWithAMediatorWhoHoldsTheRoleAtTheCommunity() throws Exception {
            t = ProgrammeTester.connect(context, ID);
            t.enable(SHUANGGANG);
            street = t.as(Role.STREET_ADMIN, SHUANGGANG);
            secretary = t.as(Role.COMMUNITY_SECRETARY, GANGWAN);
            otherSecretary = t.as(Role.COMMUNITY_SECRETARY, OTHER);
            mediator = t.granted("MEDIATOR", GANGWAN, null, null);
            otherMediator = t.granted("MEDIATOR", OTHER, null, null);
            leader = demoLeader();
            long leaderId = leaderId(leader);

            // pairing is the street's; the mediator must hold the role at the community
            pairing = new HashMap<>(Map.of("community", GANGWAN, "mediator", grantedName("MEDIATOR",
                    GANGWAN), "mediatorName", "王调解", "mediatorPhone", "13900001111", "leader", leaderId));
            assertEquals(403, secretary.post(SHUANGGANG, "/pairings", pairing).status(), "a secretary does not pair");
            Map<String, Object> notAMediator = new HashMap<>(pairing);
            notAMediator.put("mediator", grantedName("MEDIATOR", OTHER));
            refused = street.post(SHUANGGANG, "/pairings", notAMediator);
            assertEquals(400, refused.status(), refused.body());
            assertEquals("mediator", refused.json().get("field").asText());
            paired = street.post(SHUANGGANG, "/pairings", pairing);
            assertEquals(201, paired.status(), paired.body());
            pairingId = paired.json().get("id").asLong();
            assertEquals("139****1111", paired.json().get("mediatorPhone").asText());
            assertEquals(409, street.post(SHUANGGANG, "/pairings", pairing).status(), "already paired");
        }

        @Test
        @Order(2)
        void aSecretaryOpensAScreeningRoundOfTheCommunity() throws Exception {
            // a screening round of 港湾家园, made by its secretary
            round = secretary.post(SHUANGGANG, "/rounds", Map.of("community", GANGWAN, "title",
                    "本月矛盾纠纷排查", "startsOn", TODAY.minusDays(1).toString(), "endsOn", TODAY.plusDays(10).toString()));
            assertEquals(201, round.status(), round.body());
            roundId = round.json().get("id").asLong();
            assertEquals(404, otherSecretary.post(SHUANGGANG, "/rounds", Map.of("community", GANGWAN, "title", "x",
                    "startsOn", TODAY.toString(), "endsOn", TODAY.toString())).status(), "not their community");
        }

        @Test
        @Order(3)
        void thePairedLeaderRecordsDisputesWithoutNamesOrNumbers() throws Exception {
            // the paired leader records disputes, never names nor numbers
            disputes = md("/rounds/" + roundId + "/disputes");
            Http.Response named = leader.json("POST", disputes, Map.of("category", "NEIGHBOURS", "parties", "张伟与李娜",
                    "summary", "噪音", "risk", "LOW"));
            assertEquals(400, named.status(), named.body());
            assertEquals("parties", named.json().get("field").asText());
            Http.Response phone = leader.json("POST", disputes, Map.of("category", "NEIGHBOURS", "parties",
                    "住户 13812345678 与邻居", "summary", "噪音", "risk", "LOW"));
            assertEquals("parties", phone.json().get("field").asText());
            assertEquals("risk", leader.json("POST", disputes, Map.of("category", "NEIGHBOURS", "parties", "楼上与楼下",
                    "summary", "噪音", "risk", "EXTREME")).json().get("field").asText());
            Http.Response found = leader.json("POST", disputes, Map.of("category", "NEIGHBOURS", "parties",
                    "3单元501住户与401住户", "summary", "楼上渗水，楼下天花板发霉", "risk", "MEDIUM", "place",
                    GANGWAN + "B002U02"));
            assertEquals(201, found.status(), found.body());
            disputeId = found.json().get("id").asLong();
            // a leader not paired: refused
            ProgrammeTester.Client unpaired = t.as(Role.LEADER, GANGWAN + "B001U01");
            ProgrammeTester.Response notPaired = unpaired.post(SHUANGGANG, "/rounds/" + roundId + "/disputes",
                    Map.of("category", "FAMILY", "parties", "夫妻双方", "summary", "争吵", "risk", "LOW"));
            assertEquals(403, notPaired.status(), notPaired.body());
            assertEquals("not-paired", notPaired.error());
            assertEquals(404, unpaired.get(SHUANGGANG, "/rounds/" + roundId + "/disputes").status(), "not their round");
            assertEquals(403, leader.get(md("/cases")).status(), "cases are not the leaders'");
        }

        @Test
        @Order(4)
        void theMediatorMakesTheDisputeACaseOnce() throws Exception {
            // the mediator sees the dispute and makes it a case (once)
            assertEquals(1, mediator.get(SHUANGGANG, "/rounds/" + roundId + "/disputes").json().size());
            ProgrammeTester.Response kase = mediator.post(SHUANGGANG, "/disputes/" + disputeId + "/case", Map.of());
            assertEquals(201, kase.status(), kase.body());
            assertEquals("ACCEPTED", kase.json().get("status").asText());
            assertEquals("SCREENING", kase.json().get("source").asText());
            assertEquals(TODAY.plusDays(7).toString(), kase.json().get("dueOn").asText());
            caseId = kase.json().get("id").asLong();
            assertEquals("already-a-case", mediator.post(SHUANGGANG, "/disputes/" + disputeId + "/case", Map.of())
                    .error());
        }

        @Test
        @Order(5)
        void theCaseIsSeenByTheMediatorTheSecretaryAndTheStreetOnly() throws Exception {
            // who sees it: the mediator, the community's secretary, the street; not another community's
            one = "/cases/" + caseId;
            assertEquals(200, secretary.get(SHUANGGANG, one).status());
            assertEquals(200, street.get(SHUANGGANG, one).status());
            assertEquals(404, otherSecretary.get(SHUANGGANG, one).status(), "another community's secretary");
            assertEquals(404, otherMediator.get(SHUANGGANG, one).status(), "a mediator of another community");
            assertFalse(otherSecretary.get(SHUANGGANG, "/cases").body().contains("\"id\":" + caseId + ","));
            assertFalse(otherMediator.get(SHUANGGANG, "/cases").body().contains("\"id\":" + caseId + ","));
            assertEquals(404, otherMediator.post(SHUANGGANG, one + "/sessions", Map.of("heldOn", TODAY.toString(),
                    "attendees", "双方", "notes", "谈话")).status());
            assertEquals(404, mediator.get(SHUANGXIN, "/cases").status(), "another street");
        }

        @Test
        @Order(6)
        void theCaseGoesThroughItsStatesToTheArchive() throws Exception {
            // through the states; a wrong step is 409, a bad day 400 naming it
            assertEquals("illegal-transition", mediator.post(SHUANGGANG, one + "/agreement", Map.of("reachedOn",
                    TODAY.toString(), "terms", "和解")).error(), "no agreement before a session");
            ProgrammeTester.Response early = mediator.post(SHUANGGANG, one + "/sessions", Map.of("heldOn",
                    TODAY.minusDays(5).toString(), "attendees", "双方", "notes", "谈话"));
            assertEquals("heldOn", early.json().get("field").asText(), "before the case was accepted");
            session = mediator.post(SHUANGGANG, one + "/sessions", Map.of("heldOn",
                    TODAY.toString(), "attendees", "双方当事人、楼门栋长、调解员", "notes", "现场查看渗水点"));
            assertEquals(201, session.status(), session.body());
            assertEquals("IN_MEDIATION", session.json().get("status").asText());
            assertEquals(1, session.json().get("sessions").size());
            assertEquals("AGREED", mediator.post(SHUANGGANG, one + "/agreement", Map.of("reachedOn", TODAY.toString(),
                    "terms", "楼上负责维修防水层")).json().get("status").asText());
            assertEquals("illegal-transition", mediator.post(SHUANGGANG, one + "/referral", Map.of("referredOn",
                    TODAY.toString(), "to", "司法所")).error());
            assertEquals("FOLLOWED_UP", secretary.post(SHUANGGANG, one + "/follow-up", Map.of("visitedOn",
                    TODAY.toString(), "notes", "协议履行良好", "satisfied", true)).json().get("status").asText());
            JsonNode archived = mediator.post(SHUANGGANG, one + "/archive", Map.of("archivedOn", TODAY.toString()))
                    .json();
            assertEquals("ARCHIVED", archived.get("status").asText());
            assertTrue(archived.get("steps").isEmpty());
        }

        @Test
        @Order(7)
        void aCoreReportOfTheMediationDutyBecomesACase() throws Exception {
            // a core report of the duty 矛盾化解调处员 becomes a case
            Http.Response report = leader.json("POST", "/api/v1/reports", Map.of("place", GANGWAN + "B002U02", "duty",
                    "DISPUTE_MEDIATOR", "urgency", "NORMAL", "description", "两户因楼道堆物争吵"));
            assertEquals(201, report.status(), report.body());
            long reportId = report.json().get("id").asLong();
            assertTrue(mediator.get(SHUANGGANG, "/reports").body().contains("\"id\":" + reportId + ","));
            Map<String, Object> fromReport = Map.of("pairing", pairingId, "category", "NEIGHBOURS", "parties",
                    "2单元两户邻居", "summary", "楼道堆物争吵", "risk", "LOW");
            ProgrammeTester.Response reported = mediator.post(SHUANGGANG, "/reports/" + reportId + "/case", fromReport);
            assertEquals(201, reported.status(), reported.body());
            assertEquals("REPORT", reported.json().get("source").asText());
            assertEquals("already-a-case", mediator.post(SHUANGGANG, "/reports/" + reportId + "/case", fromReport)
                    .error());
            assertEquals(404, otherMediator.post(SHUANGGANG, "/reports/" + reportId + "/case", fromReport).status());
        }

        @Test
        @Order(8)
        void aCaseWithoutASessionForThreeWeeksIsOverdue() throws Exception {
            // an overdue case: accepted three weeks ago, no session yet
            ProgrammeTester.Response late = street.post(SHUANGGANG, "/cases", Map.of("pairing", pairingId, "category",
                    "DEBT", "parties", "住户W与租户L", "summary", "押金退还", "risk", "LOW", "acceptedOn",
                    TODAY.minusDays(21).toString()));
            assertEquals(201, late.status(), late.body());
            assertTrue(late.json().get("overdue").asBoolean());
            assertTrue(mediator.get(SHUANGGANG, "/cases?overdue=true").body().contains("\"id\":" + late.json().get("id")
                    .asLong() + ","));
            assertEquals("overdue", street.get(SHUANGGANG, "/cases?overdue=maybe").json().get("field").asText());
        }

        @Test
        @Order(9)
        void theStreetCountsItsCases() throws Exception {
            // the street's statistics
            JsonNode stats = street.get(SHUANGGANG, "/statistics").json();
            assertTrue(stats.get("cases").asInt() >= 3, stats.toString());
            assertTrue(stats.get("agreed").asInt() >= 1, stats.toString());
            assertNotNull(stats.get("medianDaysToClose").numberValue(), stats.toString());
            assertTrue(stats.get("byCategory").toString().contains("NEIGHBOURS"), stats.toString());
            assertEquals(403, mediator.get(SHUANGGANG, "/statistics").status(), "statistics are the staff's");
        }

        @Test
        @Order(10)
        void anEndedPairingStaysInTheHistoryAndTheLeaderRecordsNoMore() throws Exception {
            // the pairing ends: kept in the history, and the leader records nothing more
            assertEquals(403, mediator.post(SHUANGGANG, "/pairings/" + pairingId + "/end", Map.of("endedOn",
                    TODAY.toString())).status());
            ProgrammeTester.Response ended = street.post(SHUANGGANG, "/pairings/" + pairingId + "/end", Map.of(
                    "endedOn", TODAY.toString(), "reason", "换届"));
            assertEquals(200, ended.status(), ended.body());
            assertFalse(ended.json().get("active").asBoolean());
            assertEquals("pairing-ended", street.post(SHUANGGANG, "/pairings/" + pairingId + "/end", Map.of("endedOn",
                    TODAY.toString())).error());
            assertTrue(street.get(SHUANGGANG, "/pairings?active=false").body().contains("\"id\":" + pairingId + ","));
            assertEquals(403, leader.json("POST", disputes, Map.of("category", "FAMILY", "parties", "夫妻双方", "summary",
                    "争吵", "risk", "LOW")).status());
        }

        @Test
        @Order(11)
        void aDisabledStreetAnswersNothingAndKeepsItsData() throws Exception {
            // a disabled street: nothing answers there
            t.disable(SHUANGGANG);
            assertEquals("programme-disabled", mediator.get(SHUANGGANG, "/cases").error());
            assertEquals("programme-disabled", street.get(SHUANGGANG, "/pairings").error());
            t.enable(SHUANGGANG);
            assertEquals(200, street.get(SHUANGGANG, one).status(), "data kept while disabled");
        }
    }

    @Test
    void aMediatorIsAdmittedAtTheirCommunityOnly() throws Exception {
        ProgrammeTester t = ProgrammeTester.connect(context, ID);
        t.enable(SHUANGGANG);
        ProgrammeTester.Client mediator = t.granted("MEDIATOR", GANGWAN, null, null);
        assertEquals(200, mediator.get(SHUANGGANG, "/cases").status());
        assertEquals(404, mediator.get(SHUANGXIN, "/cases").status(), "another street");
        // without the grant, a leader of the same community is not a mediator: cases refused
        assertEquals(403, t.as(Role.LEADER, GANGWAN).get(SHUANGGANG, "/cases").status());
        // no mediator pairs or ends pairings, whatever they hold
        assertEquals(403, mediator.post(SHUANGGANG, "/pairings", Map.of()).status());
    }
}
