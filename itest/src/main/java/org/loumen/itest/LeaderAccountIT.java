package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Leaders' own accounts (楼门栋长账号): bulk issuance (idempotent, scoped, once per leader under parallel calls), sign-in
 * with roles derived from the leader's assignments, access that ends with the leader's service, password reset by
 * staff, phone consent on the public unit page and directory, and the demo leaders' accounts.
 */
class LeaderAccountIT extends PlatformTest {

    static final String BALITAI = "120112107";
    static final String HEADER = LeaderIT.HEADER.strip() + ",work_id,liaison\n";

    /** Imports the rows into a new community of 八里台镇 and answers its code. */
    private String community(Http admin, String name, String rows) throws Exception {
        Http.Response r = admin.upload("/api/v1/imports/leaders", HEADER + rows);
        assertEquals(200, r.status(), r.body());
        for (JsonNode c : admin.get("/api/v1/streets/" + BALITAI + "/communities").json()) {
            if (c.get("name").asText().equals(name)) {
                return c.get("code").asText();
            }
        }
        throw new AssertionError("no community " + name);
    }

    private static long leaderId(Http admin, String phone) throws Exception {
        return admin.get("/api/v1/leaders?q=" + phone).json().get("items").get(0).get("id").asLong();
    }

    private static Map<String, JsonNode> issuedByUsername(JsonNode answer) {
        Map<String, JsonNode> m = new HashMap<>();
        answer.get("issued").forEach(i -> m.put(i.get("username").asText(), i));
        return m;
    }

    /** Signs in with the first password, changes it to {@link #PASSWORD} and answers the new session. */
    private Http firstSignIn(String username, String first) throws Exception {
        Http.Response r = http.json("POST", "/api/v1/auth/login", Map.of("username", username, "password", first));
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().get("user").get("mustChangePassword").asBoolean(), "the first password must be changed");
        changePassword(http.as(r.json().get("token").asText()), first, PASSWORD);
        return login(username, PASSWORD);
    }

    @Test
    void bulkIssuanceIsIdempotentScopedAndGivesEachLeaderOneAccount() throws Exception {
        Http admin = admin();
        String code = community(admin, "账号甲社区", ""
                + "八里台镇,账号甲社区,1号楼,,栋长,账号甲一,女,1962-06-30,硕士,是,13600001001,自荐,BLT-A01,是\n"
                + "八里台镇,账号甲社区,1号楼,1单元,楼门长,账号甲二,男,1962/7/1,博士,否,13600001002,推荐,BLT-A02,否\n"
                + "八里台镇,账号甲社区,1号楼,2单元,楼门长,账号甲三,女,1990-01-01,高中,是,13600001003,自荐,,\n"
                + "八里台镇,账号甲社区,2号楼,1单元,楼门长,账号甲四,男,1950-12-31,大专,否,13600001004,推荐,,\n");
        String path = "/api/v1/communities/" + code + "/leader-accounts";

        // a secretary of another community does not see this one; a leader may not issue at all
        Http otherSecretary = user("acct-gangwan", "COMMUNITY_SECRETARY", GANGWAN);
        assertEquals(404, otherSecretary.json("POST", path, Map.of()).status());
        assertEquals(404, otherSecretary.get(path).status());
        assertEquals(403, otherSecretary.json("POST", "/api/v1/streets/" + BALITAI + "/leader-accounts", Map.of())
                .status(), "a secretary issues for their community only");
        assertEquals(400, admin.json("POST", path, Map.of("usernameFrom", "name")).status());
        assertEquals(404, admin.json("POST", "/api/v1/communities/120112107999/leader-accounts", Map.of()).status());

        // sixteen issuances at once: every leader gets exactly one account
        Http secretary = user("acct-jia", "COMMUNITY_SECRETARY", code);
        List<Http.Response> answers = ConcurrencyIT.parallel(i -> () -> (i % 2 == 0 ? admin : secretary)
                .json("POST", path, Map.of("usernameFrom", "phone")));
        Map<String, JsonNode> issued = new HashMap<>();
        for (Http.Response r : answers) {
            assertEquals(200, r.status(), r.body());
            issuedByUsername(r.json()).forEach((u, i) -> assertEquals(null, issued.put(u, i), "issued twice: " + u));
            assertEquals(4, r.json().get("issued").size() + r.json().get("existing").asInt(), r.body());
        }
        assertEquals(Set.of("13600001001", "13600001002", "13600001003", "13600001004"), issued.keySet());
        JsonNode one = issued.get("13600001002");
        assertEquals("账号甲二", one.get("name").asText());
        assertEquals(code, one.get("community").asText());
        assertEquals("账号甲社区", one.get("communityName").asText());
        assertEquals("1号楼1单元楼门长", one.get("places").asText());
        assertNotNull(one.get("issuedAt").asText());
        assertTrue(one.get("password").asText().matches("[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}"),
                one.toString());

        // again: nothing issued twice
        JsonNode again = admin.json("POST", path, Map.of()).json();
        assertEquals(0, again.get("issued").size());
        assertEquals(4, again.get("existing").asInt());

        // the listing shows every leader with their account; passwords never
        Http.Response list = secretary.get(path);
        assertEquals(200, list.status(), list.body());
        assertEquals(4, list.json().size());
        for (JsonNode row : list.json()) {
            assertEquals(row.get("phone").asText(), row.get("username").asText());
            assertTrue(row.get("enabled").asBoolean());
            assertEquals("在任", row.get("statusLabel").asText());
        }
        assertFalse(list.body().contains("password"), list.body());

        // the audit trail names the accounts and holds no password
        Http auditor = user("acct-auditor", "AUDITOR", DISTRICT);
        String trail = auditor.get("/api/v1/audit?action=" + java.net.URLEncoder.encode("POST /communities/{community}"
                + "/leader-accounts", StandardCharsets.UTF_8) + "&size=200").body();
        assertTrue(trail.contains("13600001002"), trail);
        for (JsonNode i : issued.values()) {
            assertFalse(trail.contains(i.get("password").asText()), "no password in the audit trail");
        }

        // a street's issuance covers its communities and issues nothing twice either
        JsonNode street = admin.json("POST", "/api/v1/streets/" + BALITAI + "/leader-accounts", Map.of()).json();
        for (JsonNode i : street.get("issued")) {
            assertFalse(issued.containsKey(i.get("username").asText()), "issued twice: " + i);
        }
        assertEquals(0, admin.json("POST", "/api/v1/streets/" + BALITAI + "/leader-accounts", Map.of()).json()
                .get("issued").size());
    }

    @Test
    void workIdsAsUsernamesAndLeadersWithoutOneAreSkipped() throws Exception {
        Http admin = admin();
        String code = community(admin, "账号乙社区", ""
                + "八里台镇,账号乙社区,1号楼,1单元,楼门长,账号乙一,女,1962-06-30,硕士,是,13600002001,自荐,BLT-B01,否\n"
                + "八里台镇,账号乙社区,1号楼,2单元,楼门长,账号乙二,男,1962/7/1,博士,否,13600002002,推荐,,否\n");
        JsonNode answer = admin.json("POST", "/api/v1/communities/" + code + "/leader-accounts",
                Map.of("usernameFrom", "workId")).json();
        assertEquals(1, answer.get("issued").size(), answer.toString());
        assertEquals("blt-b01", answer.get("issued").get(0).get("username").asText(), "work IDs sign in lower-cased");
        assertEquals(1, answer.get("skipped").size());
        assertEquals("账号乙二", answer.get("skipped").get(0).get("name").asText());
        assertTrue(answer.get("skipped").get(0).get("reason").asText().contains("工作证号"), answer.toString());
        Http leader = firstSignIn("BLT-B01", answer.get("issued").get(0).get("password").asText());
        assertEquals("blt-b01", leader.get("/api/v1/auth/me").json().get("user").get("username").asText());
    }

    @Test
    void aLeaderSignsInWithRolesFromTheAssignmentsUntilLeavingService() throws Exception {
        Http admin = admin();
        String code = community(admin, "账号丙社区", ""
                + "八里台镇,账号丙社区,1号楼,1单元,楼门长,账号丙一,女,1962-06-30,硕士,是,13600003001,自荐,BLT-C01,是\n"
                + "八里台镇,账号丙社区,1号楼,2单元,楼门长,账号丙二,男,1962/7/1,博士,否,13600003002,推荐,,否\n");
        String unit = code + "B001U01";
        String building = code + "B001";
        Http.Response household = admin.json("POST", "/api/v1/units/" + unit + "/households", Map.of("room", "101",
                "headName", "丙户一", "members", 1, "specialGroups", List.of("ELDERLY_LIVING_ALONE")));
        assertEquals(201, household.status(), household.body());
        assertEquals(201, admin.json("POST", "/api/v1/units/" + code + "B001U02/households", Map.of("room", "201",
                "headName", "丙户二", "members", 2)).status());
        JsonNode issued = admin.json("POST", "/api/v1/communities/" + code + "/leader-accounts", Map.of()).json();
        String first = issuedByUsername(issued).get("13600003001").get("password").asText();
        long id = leaderId(admin, "13600003001");

        // before the password change nothing but the own account
        Http.Response signIn = http.json("POST", "/api/v1/auth/login", Map.of("username", "13600003001",
                "password", first));
        Http fresh = http.as(signIn.json().get("token").asText());
        assertEquals(403, fresh.get("/api/v1/households?unit=" + unit).status());
        changePassword(fresh, first, PASSWORD);
        Http leader = login("13600003001", PASSWORD);

        JsonNode me = leader.get("/api/v1/auth/me").json();
        assertEquals(id, me.get("leaderId").asLong());
        assertEquals(id, me.get("user").get("leaderId").asLong());
        assertEquals(1, me.get("user").get("bindings").size());
        assertEquals("LEADER", me.get("user").get("bindings").get(0).get("role").asText());
        assertEquals(unit, me.get("user").get("bindings").get(0).get("node").asText());
        assertTrue(admin.get("/api/v1/auth/me").json().get("leaderId").isNull(), "staff: null");

        JsonNode mine = leader.get("/api/v1/me/leader").json();
        assertEquals(id, mine.get("id").asLong());
        assertEquals("账号丙一", mine.get("name").asText());
        assertEquals("BLT-C01", mine.get("workId").asText());
        assertEquals("IN_SERVICE", mine.get("status").asText());
        assertEquals("在任", mine.get("statusLabel").asText());
        assertTrue(mine.get("liaison").asBoolean());
        assertEquals(code, mine.get("community").asText());
        assertEquals("账号丙社区", mine.get("communityName").asText());
        assertEquals(BALITAI, mine.get("street").asText());
        assertEquals("八里台镇", mine.get("streetName").asText());
        assertTrue(mine.get("phoneConsent").isNull());
        JsonNode place = mine.get("places").get(0);
        assertEquals("UNIT_LEADER", place.get("role").asText());
        assertEquals("楼门长", place.get("roleLabel").asText());
        assertEquals(building, place.get("building").asText());
        assertEquals("1号楼", place.get("buildingLabel").asText());
        assertEquals(unit, place.get("unit").asText());
        assertEquals("1单元", place.get("unitLabel").asText());
        Http.Response notALeader = admin.get("/api/v1/me/leader");
        assertEquals(404, notALeader.status());
        assertEquals("not-a-leader-account", notALeader.json().get("error").asText());

        // the unit's households, with the care tags of the place; not the building's other unit
        JsonNode mineHouseholds = leader.get("/api/v1/households?unit=" + unit).json();
        assertEquals(1, mineHouseholds.get("total").asInt());
        assertEquals("ELDERLY_LIVING_ALONE", mineHouseholds.get("items").get(0).get("specialGroups").get(0).asText());
        assertEquals(404, leader.get("/api/v1/households?building=" + building).status(), "not the building's");
        assertEquals(404, leader.get("/api/v1/households?unit=" + code + "B001U02").status());

        // made building leader: the building and both its units at the next request
        JsonNode record = admin.get("/api/v1/leaders/" + id).json();
        Http.Response moved = admin.json("PUT", "/api/v1/leaders/" + id, Map.of("assignments", List.of(Map.of(
                "role", "BUILDING_LEADER", "place", building)), "version", record.get("version").asLong()));
        assertEquals(200, moved.status(), moved.body());
        assertEquals(building, leader.get("/api/v1/auth/me").json().get("user").get("bindings").get(0).get("node")
                .asText());
        JsonNode buildingHouseholds = leader.get("/api/v1/households?building=" + building).json();
        assertEquals(2, buildingHouseholds.get("total").asInt(), buildingHouseholds.toString());
        assertEquals(400, admin.get("/api/v1/households?building=" + code + "B1").status());

        // suspended: the token stops working at once, and signing in is refused with the reason
        Http.Response suspended = admin.json("POST", "/api/v1/leaders/" + id + "/status", Map.of("to", "SUSPENDED",
                "reason", "外出"));
        assertEquals(200, suspended.status(), suspended.body());
        assertEquals(401, leader.get("/api/v1/auth/me").status());
        Http.Response refused = http.json("POST", "/api/v1/auth/login", Map.of("username", "13600003001",
                "password", PASSWORD));
        assertEquals(403, refused.status(), refused.body());
        assertEquals("leader-not-in-service", refused.json().get("error").asText());
        assertTrue(refused.json().get("message").asText().startsWith("您已不在任，无法登录"));
        Http.Response wrong = http.json("POST", "/api/v1/auth/login", Map.of("username", "13600003001",
                "password", "Wrong-pass-2026"));
        assertEquals(401, wrong.status(), "a wrong password learns nothing about the status");

        // back in service, then retired: the same again, for good
        assertEquals(200, admin.json("POST", "/api/v1/leaders/" + id + "/status", Map.of("to", "IN_SERVICE",
                "reason", "返回")).status());
        Http back = login("13600003001", PASSWORD);
        assertEquals(200, back.get("/api/v1/households?building=" + building).status());
        long version = admin.get("/api/v1/leaders/" + id).json().get("version").asLong();
        assertEquals(200, admin.json("POST", "/api/v1/leaders/" + id + "/retire", Map.of("version", version))
                .status());
        assertEquals(401, back.get("/api/v1/households?building=" + building).status());
        assertEquals(403, http.json("POST", "/api/v1/auth/login", Map.of("username", "13600003001",
                "password", PASSWORD)).status());
    }

    @Test
    void staffResetALeadersPasswordWithinTheirCommunity() throws Exception {
        Http admin = admin();
        String code = community(admin, "账号丁社区", ""
                + "八里台镇,账号丁社区,1号楼,1单元,楼门长,账号丁一,女,1962-06-30,硕士,是,13600004001,自荐,,\n");
        JsonNode issued = admin.json("POST", "/api/v1/communities/" + code + "/leader-accounts", Map.of()).json();
        String first = issued.get("issued").get(0).get("password").asText();
        firstSignIn("13600004001", first);

        Http other = user("acct-gangwan2", "COMMUNITY_SECRETARY", GANGWAN);
        assertEquals(404, other.json("POST", "/api/v1/users/13600004001/password-reset", Map.of()).status());
        assertEquals(404, other.get("/api/v1/users/13600004001").status());
        Http secretary = user("acct-ding", "COMMUNITY_SECRETARY", code);
        JsonNode account = secretary.get("/api/v1/users/13600004001").json();
        assertEquals(leaderId(admin, "13600004001"), account.get("leaderId").asLong());
        assertEquals(code + "B001U01", account.get("bindings").get(0).get("node").asText(), "derived, not stored");
        assertTrue(secretary.get("/api/v1/users?role=LEADER&size=200").body().contains("13600004001"),
                "listed for the secretary of the leader's community");
        assertFalse(other.get("/api/v1/users?size=200").body().contains("13600004001"));
        Http.Response roles = secretary.json("PUT", "/api/v1/users/13600004001", Map.of("bindings", List.of(Map.of(
                "role", "LEADER", "node", code)), "version", account.get("version").asLong()));
        assertEquals(400, roles.status(), roles.body());
        assertEquals("bindings", roles.json().get("field").asText());

        Http.Response reset = secretary.json("POST", "/api/v1/users/13600004001/password-reset", Map.of());
        assertEquals(200, reset.status(), reset.body());
        String temporary = reset.json().get("temporaryPassword").asText();
        assertEquals(401, http.json("POST", "/api/v1/auth/login", Map.of("username", "13600004001",
                "password", PASSWORD)).status(), "the old password is gone");
        Http.Response again = http.json("POST", "/api/v1/auth/login", Map.of("username", "13600004001",
                "password", temporary));
        assertEquals(200, again.status());
        assertTrue(again.json().get("user").get("mustChangePassword").asBoolean());
    }

    @Test
    void phoneConsentDecidesWhatThePublicSees() throws Exception {
        Http admin = admin();
        String code = community(admin, "账号戊社区", ""
                + "八里台镇,账号戊社区,1号楼,,栋长,账号戊一,女,1962-06-30,硕士,是,13600005001,自荐,BLT-E01,否\n"
                + "八里台镇,账号戊社区,1号楼,1单元,楼门长,账号戊二,男,1962/7/1,博士,否,13600005002,推荐,BLT-E02,否\n"
                + "八里台镇,账号戊社区,2号楼,1单元,楼门长,账号戊三,男,1962/7/1,博士,否,13600005003,推荐,,否\n");
        String unit = code + "B001U01";
        long first = leaderId(admin, "13600005001");
        long second = leaderId(admin, "13600005002");

        JsonNode page = http.get("/api/v1/public/units/" + unit).json();
        assertEquals(unit, page.get("code").asText());
        assertEquals("1单元", page.get("label").asText());
        assertEquals(code + "B001", page.get("building").asText());
        assertEquals("1号楼", page.get("buildingLabel").asText());
        assertEquals("账号戊社区", page.get("communityName").asText());
        assertEquals("八里台镇", page.get("streetName").asText());
        assertEquals(2, page.get("leaders").size(), "the unit's leader and the building's, not 2号楼's");
        JsonNode unitLeader = page.get("leaders").get(0);
        assertEquals("账号戊二", unitLeader.get("name").asText());
        assertEquals("UNIT_LEADER", unitLeader.get("role").asText());
        assertEquals("楼门长", unitLeader.get("roleLabel").asText());
        assertEquals("BLT-E02", unitLeader.get("workId").asText());
        assertEquals("136****5002", unitLeader.get("phone").asText());
        assertFalse(unitLeader.get("phonePublic").asBoolean());
        assertEquals("栋长", page.get("leaders").get(1).get("roleLabel").asText());

        // staff record the consent of the building leader
        Http secretary = user("acct-wu", "COMMUNITY_SECRETARY", code);
        assertEquals(404, user("acct-gangwan3", "COMMUNITY_SECRETARY", GANGWAN).json("PUT", "/api/v1/leaders/"
                + first + "/phone-consent", Map.of("consent", true)).status());
        assertEquals(400, secretary.json("PUT", "/api/v1/leaders/" + first + "/phone-consent", Map.of()).status());
        JsonNode consent = secretary.json("PUT", "/api/v1/leaders/" + first + "/phone-consent",
                Map.of("consent", true)).json();
        assertTrue(consent.get("consent").asBoolean());
        assertEquals("acct-wu", consent.get("by").asText());
        assertNotNull(java.time.Instant.parse(consent.get("at").asText()));
        assertEquals("acct-wu", admin.get("/api/v1/leaders/" + first).json().get("phoneConsent").get("by").asText());
        JsonNode after = http.get("/api/v1/public/units/" + unit).json().get("leaders").get(1);
        assertEquals("13600005001", after.get("phone").asText());
        assertTrue(after.get("phonePublic").asBoolean());
        JsonNode directory = http.get("/api/v1/public/leaders?community=" + code).json();
        Set<String> phones = new HashSet<>();
        for (JsonNode d : directory) {
            phones.add(d.get("phone").asText() + "/" + d.get("phonePublic").asBoolean());
        }
        assertEquals(Set.of("13600005001/true", "136****5002/false", "136****5003/false"), phones);

        // the unit leader consents themself, then withdraws
        JsonNode issued = admin.json("POST", "/api/v1/communities/" + code + "/leader-accounts", Map.of()).json();
        Http leader = firstSignIn("13600005002", issuedByUsername(issued).get("13600005002").get("password")
                .asText());
        JsonNode own = leader.json("PUT", "/api/v1/me/phone-consent", Map.of("consent", true)).json();
        assertTrue(own.get("consent").asBoolean());
        assertEquals("13600005002", own.get("by").asText());
        assertEquals("13600005002", http.get("/api/v1/public/units/" + unit).json().get("leaders").get(0)
                .get("phone").asText());
        assertEquals("13600005002", leader.get("/api/v1/me/leader").json().get("phoneConsent").get("by").asText());
        JsonNode withdrawn = leader.json("PUT", "/api/v1/me/phone-consent", Map.of("consent", false)).json();
        assertFalse(withdrawn.get("consent").asBoolean());
        assertTrue(withdrawn.get("at").isNull());
        JsonNode masked = http.get("/api/v1/public/units/" + unit).json().get("leaders").get(0);
        assertEquals("136****5002", masked.get("phone").asText());
        assertFalse(masked.get("phonePublic").asBoolean());
        assertTrue(admin.get("/api/v1/leaders/" + second).json().get("phoneConsent").isNull());
        assertEquals(404, admin.json("PUT", "/api/v1/me/phone-consent", Map.of("consent", true)).status());

        // malformed and unknown unit codes
        Http.Response malformed = http.get("/api/v1/public/units/120112107001U1");
        assertEquals(400, malformed.status());
        assertEquals("unit", malformed.json().get("field").asText());
        Http.Response unknown = http.get("/api/v1/public/units/" + code + "B009U01");
        assertEquals(404, unknown.status());
        assertEquals("not-found", unknown.json().get("error").asText());
        assertEquals("unit", unknown.json().get("field").asText());
        assertTrue(unknown.json().get("message").asText().startsWith("未找到此楼门，请核对二维码"));
        assertEquals(404, http.get("/api/v1/public/units/120112199001B001U01").status(), "no such community");
    }

    @Test
    void importedWorkIdsAreUniqueInTheStreetAndLiaisonsAreCounted() throws Exception {
        Http admin = admin();
        String code = community(admin, "账号己社区", ""
                + "八里台镇,账号己社区,1号楼,1单元,楼门长,账号己一,女,1962-06-30,硕士,是,13600006001,自荐,BLT-F01,是\n"
                + "八里台镇,账号己社区,1号楼,2单元,楼门长,账号己二,男,1962/7/1,博士,否,13600006002,推荐,BLT-F02,1\n"
                + "八里台镇,账号己社区,2号楼,1单元,楼门长,账号己三,男,1962/7/1,博士,否,13600006003,推荐,,false\n");
        JsonNode l = admin.get("/api/v1/leaders/" + leaderId(admin, "13600006001")).json();
        assertEquals("BLT-F01", l.get("workId").asText());
        assertTrue(l.get("liaison").asBoolean());

        // the same work ID in the street, stored or twice in the file: refused, nothing written
        Http.Response stored = admin.upload("/api/v1/imports/leaders", HEADER
                + "八里台镇,账号己社区,3号楼,1单元,楼门长,账号己四,女,1962-06-30,硕士,是,13600006004,自荐,BLT-F01,否\n");
        assertEquals(422, stored.status(), stored.body());
        assertEquals("work_id", stored.json().get("rows").get(0).get("column").asText());
        Http.Response twice = admin.upload("/api/v1/imports/leaders", HEADER
                + "八里台镇,账号己社区,3号楼,1单元,楼门长,账号己四,女,1962-06-30,硕士,是,13600006004,自荐,BLT-F09,否\n"
                + "八里台镇,账号己社区,3号楼,2单元,楼门长,账号己五,女,1962-06-30,硕士,是,13600006005,自荐,BLT-F09,否\n");
        assertEquals(422, twice.status(), twice.body());
        assertEquals(3, twice.json().get("rows").get(0).get("row").asInt());
        assertEquals(0, admin.get("/api/v1/leaders?q=13600006004").json().get("total").asInt(), "nothing written");
        // another street may use the same number
        Http.Response elsewhere = admin.upload("/api/v1/imports/leaders", HEADER
                + "双新街道,账号己外社区,1号楼,1单元,楼门长,账号己六,女,1962-06-30,硕士,是,13600006006,自荐,BLT-F01,否\n");
        assertEquals(200, elsewhere.status(), elsewhere.body());

        JsonNode profile = admin.get("/api/v1/reports/leader-profile?community=" + code).json();
        assertEquals(3, profile.get("total").asInt());
        assertEquals(2, profile.get("liaisons").asInt());
        assertTrue(admin.get("/api/v1/reports/leader-profile?community=" + code).body()
                .contains("\"liaisonShare\":66.67"), "two decimals on the wire");

        String csv = admin.get("/api/v1/exports/leaders?street=" + BALITAI).body();
        assertTrue(csv.lines().findFirst().orElse("").endsWith("nomination,work_id,liaison"), csv.lines().findFirst()
                .orElse(""));
        assertTrue(csv.contains("13600006001,自荐,BLT-F01,是"), "exported as imported");
    }

    @Test
    void eachDemoCommunityHasALeaderAccount() throws Exception {
        Path file = Paths.get(System.getProperty("loumen.data")).resolve("demo-accounts.txt");
        Map<String, String> leaders = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && f[0].equals("楼门栋长")) {
                leaders.put(f[1], f[2]);
            }
        }
        assertEquals(6, leaders.size(), leaders.toString());
        assertTrue(leaders.containsKey("13900000005"), "港湾家园's demo leader");
        // the file's first password works unless an earlier test of this run made the first sign-in already
        boolean fresh = http.json("POST", "/api/v1/auth/login", Map.of("username", "13900000005", "password",
                leaders.get("13900000005"))).status() == 200;
        Http leader = fresh ? firstSignIn("13900000005", leaders.get("13900000005")) : login("13900000005", PASSWORD);
        JsonNode bindings = leader.get("/api/v1/auth/me").json().get("user").get("bindings");
        assertEquals(GANGWAN + "B002U02", bindings.get(0).get("node").asText());
        JsonNode households = leader.get("/api/v1/households?unit=" + GANGWAN + "B002U02").json();
        assertTrue(households.get("total").asInt() > 0);
        assertTrue(households.toString().contains("DISABLED"), "a household with care tags: " + households);
    }
}
