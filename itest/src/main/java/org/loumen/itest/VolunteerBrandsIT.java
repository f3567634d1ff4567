package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.loumen.security.Role;
import org.loumen.testkit.ProgrammeTester;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The volunteer-brands programme (志愿服务品牌) in the whole platform, its jar installed as district IT would: the demo
 * brands of 双港镇, roles and scope, the disabled street, members, activities, hours reported and approved, ranking,
 * certificate, CSV, and the priority-support flag from an award — all through the real dispatcher.
 */
class VolunteerBrandsIT extends PlatformTest {

    static final String ID = "volunteer-brands";
    static final String CHUNHUI = "120112103002";
    private static Bundle bundle;

    /** Installs the programme's jar from its module's target folder, once. */
    static synchronized void install(BundleContext context) throws Exception {
        if (bundle != null) {
            return;
        }
        Path itest = Paths.get(System.getProperty("loumen.data")).toAbsolutePath().getParent().getParent();
        Path target = itest.getParent().resolve("plugin.volunteer-brands/target");
        Path jar;
        try (Stream<Path> files = Files.list(target)) {
            jar = files.filter(p -> p.getFileName().toString().matches("plugin\\.volunteer-brands-[0-9][^-]*"
                    + "(-SNAPSHOT)?\\.jar")).findFirst().orElseThrow(() -> new AssertionError("build "
                            + "plugin.volunteer-brands first: no jar in " + target));
        }
        // through the system bundle: the test's own context would uninstall it at the end of each test
        bundle = context.getBundle(0).getBundleContext().installBundle(jar.toUri().toString());
        // new bundles get a start level above this framework's (10), as FileInstall's deployments do in the launcher
        bundle.adapt(org.osgi.framework.startlevel.BundleStartLevel.class).setStartLevel(10);
        bundle.start();
        // a package refresh left by an earlier test may stop and restart it once: wait until it is up
        long deadline = System.currentTimeMillis() + 30_000;
        while (bundle.getState() != Bundle.ACTIVE && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(Bundle.ACTIVE, bundle.getState(), "the programme's bundle starts");
    }

    @AfterAll
    static void uninstall() throws Exception {
        if (bundle != null && bundle.getState() != Bundle.UNINSTALLED) {
            bundle.uninstall();
            bundle = null;
        }
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    static List<String> names(JsonNode brands) {
        List<String> out = new ArrayList<>();
        brands.forEach(b -> out.add(b.get("name").asText()));
        return out;
    }

    @Test
    void demoBrandsRolesScopeAndTheDisabledStreet() throws Exception {
        install(context);
        ProgrammeTester t = ProgrammeTester.connect(context, ID);
        // --demo (loumen.demo=true here): enabled for 双港镇 the first time the platform saw it, brands seeded once
        ProgrammeTester.Client street = t.as(Role.STREET_ADMIN, SHUANGGANG);
        ProgrammeTester.Response first = street.get(SHUANGGANG, "/brands");
        assertEquals(200, first.status(), first.body());
        assertTrue(names(first.json()).containsAll(List.of("爱心妈妈帮帮团", "橄榄绿志愿服务队", "青春伴夕阳志愿服务队")),
                first.body());
        assertEquals(first.json().size(), street.get(SHUANGGANG, "/brands").json().size(), "seeding twice adds nothing");
        JsonNode mothers = null;
        for (JsonNode b : first.json()) {
            mothers = b.get("name").asText().equals("爱心妈妈帮帮团") ? b : mothers;
        }
        assertEquals("黄桂兰", mothers.get("founderName").asText(), "the founder is a real leader record, read by name");
        assertTrue(mothers.get("members").asInt() >= 5, mothers.toString());
        long mothersId = mothers.get("id").asLong();
        JsonNode members = street.get(SHUANGGANG, "/brands/" + mothersId + "/members").json();
        assertTrue(members.toString().contains("社区达人"), members.toString());
        assertFalse(members.toString().matches(".*\\d{17}[\\dX].*"), "volunteer numbers, never ID card numbers");
        assertTrue(street.get(SHUANGGANG, "/hours?status=PENDING").json().size() >= 3, "a pending report per brand");
        assertTrue(street.get(SHUANGGANG, "/ranking").json().size() >= 5);

        // a secretary works in their community only
        ProgrammeTester.Client secretary = t.as(Role.COMMUNITY_SECRETARY, CHUNHUI);
        assertEquals(List.of("橄榄绿志愿服务队"), names(secretary.get(SHUANGGANG, "/brands").json()));
        assertEquals(1, secretary.get(SHUANGGANG, "/summary").json().size());
        assertEquals(404, secretary.get(SHUANGGANG, "/brands/" + mothersId + "/members").status());
        assertEquals(404, secretary.post(SHUANGGANG, "/brands", Map.of("community", GANGWAN, "name", "越界品牌",
                "founder", 1)).status());
        assertEquals(404, secretary.get(SHUANGGANG, "/brands?community=" + GANGWAN).status());
        // a leader without a leader record may not create brands, an auditor reaches nothing
        assertEquals(403, t.as(Role.LEADER, GANGWAN + "B001U01").post(SHUANGGANG, "/brands", Map.of("community",
                GANGWAN, "name", "x", "founder", 1)).status());
        assertEquals(403, t.as(Role.AUDITOR, DISTRICT).get(SHUANGGANG, "/brands").status());
        // another street, or this one switched off: 404 programme-disabled
        assertEquals("programme-disabled", t.as(Role.STREET_ADMIN, SHUANGXIN).get(SHUANGXIN, "/brands").error());
        t.disable(SHUANGGANG);
        assertEquals("programme-disabled", street.get(SHUANGGANG, "/brands").error());
        t.enable(SHUANGGANG);
        assertEquals(200, street.get(SHUANGGANG, "/brands").status());

        // declared data only: leaders' names, nothing else; no import of the core's model or any internal package
        JsonNode listed = t.admin().core("GET", "/api/v1/programmes", null).json();
        for (JsonNode p : listed) {
            if (ID.equals(p.get("id").asText())) {
                assertEquals(List.of("LEADER_NAMES"), p.get("dataAccess").findValuesAsText("kind"), p.toString());
            }
        }
        String imports = bundle.getHeaders().get("Import-Package");
        assertFalse(imports.contains("org.loumen.core.model"), imports);
        assertFalse(imports.contains(".internal"), imports);
    }

    /** Imports a community of 双港镇 with three leaders and five households; answers its code. */
    private String community(Http admin) throws Exception {
        String csv = "street,community,building,unit,role,name,gender,birth_date,education,party_member,phone,"
                + "nomination\n"
                + "双港镇,志愿品牌测试社区,1号楼,1单元,楼门长,志愿甲,女,1968-02-02,本科,是,13700001001,自荐\n"
                + "双港镇,志愿品牌测试社区,1号楼,2单元,楼门长,志愿乙,男,1970-03-03,高中,否,13700001002,推荐\n"
                + "双港镇,志愿品牌测试社区,2号楼,1单元,楼门长,志愿丙,男,1975-04-04,大专,否,13700001003,推荐\n";
        assertEquals(200, admin.upload("/api/v1/imports/leaders", csv).status());
        StringBuilder households = new StringBuilder("street,community,building,unit,room,head_name,members,phone,"
                + "special_groups\n");
        for (int i = 1; i <= 5; i++) {
            households.append("双港镇,志愿品牌测试社区,1号楼,1单元,10").append(i).append(",住户,1,,\n");
        }
        assertEquals(200, admin.upload("/api/v1/imports/households", households.toString()).status());
        for (JsonNode c : admin.get("/api/v1/streets/" + SHUANGGANG + "/communities").json()) {
            if (c.get("name").asText().equals("志愿品牌测试社区")) {
                return c.get("code").asText();
            }
        }
        throw new AssertionError("community not imported");
    }

    /** Issues the community's leaders their accounts and signs each in (password changed): by phone. */
    private Map<String, Http> leaderSessions(Http admin, String community) throws Exception {
        JsonNode issued = admin.json("POST", "/api/v1/communities/" + community + "/leader-accounts", Map.of())
                .json().get("issued");
        Map<String, Http> out = new HashMap<>();
        for (JsonNode i : issued) {
            String username = i.get("username").asText();
            String first = i.get("password").asText();
            Http.Response r = http.json("POST", "/api/v1/auth/login", Map.of("username", username, "password", first));
            Http session = http.as(r.json().get("token").asText());
            changePassword(session, first, PASSWORD);
            out.put(username, login(username, PASSWORD));
        }
        return out;
    }

    static String base(String path) {
        return "/api/v1/streets/" + SHUANGGANG + "/programmes/" + ID + path;
    }

    @Test
    void membersActivitiesHoursRankingCertificateExportAndPrioritySupport() throws Exception {
        install(context);
        ProgrammeTester t = ProgrammeTester.connect(context, ID);
        t.enable(SHUANGGANG);
        Http admin = admin();
        String code = community(admin);
        Map<String, Long> leaders = new HashMap<>();
        for (JsonNode l : admin.get("/api/v1/leaders?community=" + code).json().get("items")) {
            leaders.put(l.get("name").asText(), l.get("id").asLong());
        }
        long a = leaders.get("志愿甲");
        long b = leaders.get("志愿乙");
        Map<String, Http> sessions = leaderSessions(admin, code);
        Http lead = sessions.get("13700001001");
        Http member = sessions.get("13700001002");
        Http outsider = sessions.get("13700001003");
        assertNotNull(lead, sessions.toString());
        ProgrammeTester.Client secretary = t.as(Role.COMMUNITY_SECRETARY, code);

        // a brand needs a founding leader of its community
        assertEquals("founder", secretary.post(SHUANGGANG, "/brands", Map.of("community", code, "name", "测试帮帮团"))
                .json().get("field").asText());
        assertEquals(404, secretary.post(SHUANGGANG, "/brands", Map.of("community", code, "name", "测试帮帮团",
                "founder", 999_999)).status());
        ProgrammeTester.Response created = secretary.post(SHUANGGANG, "/brands", Map.of("community", code, "name",
                "测试帮帮团", "slogan", "邻里守望", "founder", a, "foundedOn", today().minusDays(30).toString()));
        assertEquals(201, created.status(), created.body());
        long brand = created.json().get("id").asLong();
        assertEquals("志愿甲", created.json().get("founderName").asText());
        assertEquals(1, created.json().get("members").asInt(), "the founder is its first member");
        assertEquals(409, secretary.post(SHUANGGANG, "/brands", Map.of("community", code, "name", "测试帮帮团",
                "founder", a)).status());
        assertEquals(403, lead.json("POST", base("/brands"), Map.of("community", code, "name", "x", "founder", a))
                .status(), "brands are created by staff");
        JsonNode mine = lead.get(base("/brands")).json();
        assertEquals(1, mine.size(), mine.toString());
        assertTrue(mine.get(0).get("lead").asBoolean());

        // members: residents by volunteer number (never an ID card number), leaders by their record
        String members = base("/brands/" + brand + "/members");
        assertEquals("volunteerNo", lead.json("POST", members, Map.of("kind", "RESIDENT", "name", "王阿姨",
                "volunteerNo", "12011219800101123X")).json().get("field").asText());
        Http.Response resident = lead.json("POST", members, Map.of("kind", "RESIDENT", "name", "王阿姨",
                "volunteerNo", "SG-2026-0001", "skills", List.of("包饺子", "社区达人"), "joinedOn",
                today().minusDays(30).toString()));
        assertEquals(201, resident.status(), resident.body());
        long wang = resident.json().get("id").asLong();
        assertEquals(409, lead.json("POST", members, Map.of("kind", "RESIDENT", "name", "李叔", "volunteerNo",
                "SG-2026-0001")).status());
        assertEquals("kind", lead.json("POST", members, Map.of("kind", "FRIEND", "name", "x")).json().get("field")
                .asText());
        Http.Response joined = admin.json("POST", members, Map.of("kind", "LEADER", "leader", b, "joinedOn",
                today().minusDays(30).toString()));
        assertEquals(201, joined.status(), joined.body());
        long bMember = joined.json().get("id").asLong();
        assertEquals(409, admin.json("POST", members, Map.of("kind", "LEADER", "leader", b)).status());
        assertEquals(403, outsider.get(members).status(), "a leader of the community who is no member");
        assertEquals(200, member.get(members).status());
        long aMember = 0;
        for (JsonNode m : lead.get(members).json()) {
            aMember = m.path("leader").asLong() == a ? m.get("id").asLong() : aMember;
        }

        // an activity with who took part and their hours
        String activities = base("/brands/" + brand + "/activities");
        String day = today().minusDays(3).toString();
        assertEquals("participants", lead.json("POST", activities, Map.of("heldOn", day, "title", "包饺子送老人",
                "participants", List.of(Map.of("member", 999_999, "hours", 2)))).json().get("field").asText());
        Http.Response activity = lead.json("POST", activities, Map.of("heldOn", day, "title", "包饺子送老人", "place",
                "社区食堂", "participants", List.of(Map.of("member", aMember, "hours", 3), Map.of("member", wang,
                        "hours", 2.5))));
        assertEquals(201, activity.status(), activity.body());
        assertEquals(2, activity.json().get("volunteers").asInt());
        assertEquals(0, activity.json().get("hours").decimalValue().compareTo(new java.math.BigDecimal("5.5")));
        assertEquals("heldOn", lead.json("POST", activities, Map.of("heldOn", "2026-13-01", "title", "x",
                "participants", List.of(Map.of("member", wang, "hours", 1)))).json().get("field").asText());
        assertEquals(403, member.json("POST", activities, Map.of("heldOn", day, "title", "x", "participants",
                List.of(Map.of("member", wang, "hours", 1)))).status(), "a member does not record activities");

        // hours reported by a member, decided by the lead
        String report = base("/brands/" + brand + "/hours");
        String yesterday = today().minusDays(1).toString();
        assertEquals(403, outsider.json("POST", report, Map.of("servedOn", yesterday, "hours", 2, "description",
                "帮忙")).status());
        Http.Response pending = member.json("POST", report, Map.of("servedOn", yesterday, "hours", 2,
                "description", "=1+1 陪老人就医"));
        assertEquals(201, pending.status(), pending.body());
        assertEquals("PENDING", pending.json().get("status").asText());
        long entry = pending.json().get("id").asLong();
        assertEquals("hours", member.json("POST", report, Map.of("servedOn", yesterday, "hours", 22.5,
                "description", "超时")).json().get("field").asText(), "no day above 24 hours");
        assertEquals("servedOn", member.json("POST", report, Map.of("servedOn", today().plusDays(1).toString(),
                "hours", 1, "description", "明天")).json().get("field").asText());
        JsonNode own = member.get(base("/hours")).json();
        assertEquals(1, own.size(), own.toString());
        assertFalse(own.get(0).get("mayDecide").asBoolean());
        assertEquals(403, member.json("POST", base("/hours/" + entry + "/decision"), Map.of("approve", true))
                .status());
        JsonNode toDecide = lead.get(base("/hours?status=PENDING")).json();
        assertEquals(1, toDecide.size(), toDecide.toString());
        assertTrue(toDecide.get(0).get("mayDecide").asBoolean());
        assertEquals("reason", lead.json("POST", base("/hours/" + entry + "/decision"), Map.of("approve", false))
                .json().get("field").asText());
        Http.Response approved = lead.json("POST", base("/hours/" + entry + "/decision"), Map.of("approve", true));
        assertEquals(200, approved.status(), approved.body());
        assertEquals("APPROVED", approved.json().get("status").asText());
        assertEquals(409, lead.json("POST", base("/hours/" + entry + "/decision"), Map.of("approve", false, "reason",
                "重复")).status());
        // the lead's own report goes to staff
        long own2 = lead.json("POST", report, Map.of("servedOn", yesterday, "hours", 1.5, "description", "整理物资"))
                .json().get("id").asLong();
        assertEquals("own-report", lead.json("POST", base("/hours/" + own2 + "/decision"), Map.of("approve", true))
                .json().get("error").asText());
        assertEquals(200, secretary.post(SHUANGGANG, "/hours/" + own2 + "/decision", Map.of("approve", false,
                "reason", "与活动时长重复")).status());
        JsonNode afterReject = lead.get(base("/hours?status=REJECTED")).json();
        assertEquals("与活动时长重复", afterReject.get(0).get("rejectReason").asText(), afterReject.toString());

        // ranking of the year: approved hours only
        JsonNode ranking = secretary.get(SHUANGGANG, "/ranking?brand=" + brand).json();
        assertEquals(List.of("志愿甲", "王阿姨", "志愿乙"), List.of(ranking.get(0).get("name").asText(),
                ranking.get(1).get("name").asText(), ranking.get(2).get("name").asText()), ranking.toString());
        assertEquals(List.of(1, 2, 3), List.of(ranking.get(0).get("rank").asInt(), ranking.get(1).get("rank").asInt(),
                ranking.get(2).get("rank").asInt()));
        assertEquals("year", secretary.get(SHUANGGANG, "/ranking?year=1999").json().get("field").asText());

        // the certificate: the member themself and the brand's managers
        int year = today().getYear();
        String certificate = base("/members/" + bMember + "/certificate?year=" + year);
        JsonNode cert = member.get(certificate).json();
        assertEquals(0, cert.get("hours").decimalValue().compareTo(java.math.BigDecimal.valueOf(2)), cert.toString());
        assertEquals("志愿乙", cert.get("name").asText());
        assertEquals("测试帮帮团", cert.get("brandName").asText());
        assertEquals(200, lead.get(certificate).status());
        assertEquals(404, member.get(base("/members/" + wang + "/certificate")).status(), "not their own");
        assertEquals("no-hours", lead.get(base("/members/" + bMember + "/certificate?year=" + (year - 1))).json()
                .get("error").asText());

        // CSV of hours: UTF-8 with BOM, formula-safe
        HttpResponse<byte[]> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(admin.base()
                + base("/hours.csv?brand=" + brand))).header("Authorization", "Bearer " + lead.token()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, csv.statusCode());
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF品牌,"), text);
        assertTrue(text.contains("'=1+1 陪老人就医"), text);
        assertEquals(5, text.split("\r\n").length, text);
        assertEquals(403, member.get(base("/hours.csv")).status());

        // an award with priority support for the founder flags the brand (workflow facts, within scope)
        assertFalse(secretary.get(SHUANGGANG, "/brands").json().get(0).get("prioritySupport").asBoolean());
        award(admin, code, a);
        JsonNode flagged = secretary.get(SHUANGGANG, "/brands").json().get(0);
        assertTrue(flagged.get("prioritySupport").asBoolean(), flagged.toString());
        assertTrue(flagged.get("award").asText().startsWith("优秀楼门栋长-"), flagged.toString());
    }

    /** A closed evaluation of the community at 100% for the leader, then an award round deciding them. */
    private void award(Http admin, String community, long leader) throws Exception {
        long evaluation = admin.json("POST", "/api/v1/evaluations", Map.of("community", community, "period",
                "2025-H2")).json().get("id").asLong();
        for (String code : ballotCodes(admin, evaluation, "1号楼1单元")) {
            assertEquals(201, ballot(code, leader, "SATISFIED").status());
        }
        admin.send("POST", "/api/v1/evaluations/" + evaluation + "/close", null, null);
        Http.Response round = admin.json("POST", "/api/v1/awards/rounds", Map.of("node", SHUANGGANG, "period", "2025",
                "minSatisfaction", 90, "minReportsHandled", 0));
        assertEquals(201, round.status(), round.body());
        Http.Response decided = admin.json("POST", "/api/v1/awards/rounds/" + round.json().get("id").asLong()
                + "/decision", Map.of("decidedOn", today().toString(), "awardees", List.of(leader), "decision",
                        "街道评审会通过"));
        assertEquals(200, decided.status(), decided.body());
    }
}
