package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The route x role test: every registered route (core and plug-ins alike, read from {@code GET /system/routes}) is
 * called by every role held in 双港镇 and by an anonymous client, with identifiers of 双新街道; nothing of 双新 may
 * come back and nothing of it may change. Then the named cases of the issue, and the audit trail of the refusals.
 */
class RouteScopeIT extends PlatformTest {

    /**
     * An identifier of 双新街道 for each path parameter name routes use (ids of demo leaders and households are looked
     * up). A new name must be added here.
     */
    static final Map<String, String> FOREIGN = new java.util.HashMap<>(Map.of(
            "street", SHUANGXIN,
            "community", XINHUALI,
            "building", XINHUALI + "B001",
            "unit", XINHUALI + "B001U01",
            "username", "sx-secretary",
            "programme", "itest-echo"));

    /**
     * Personal data of 双新's people: no route may return it to a caller from 双港, public routes to nobody. The
     * phone numbers of its demo leaders and households are added at run time.
     */
    static final List<String> FOREIGN_PERSONAL = new ArrayList<>(List.of("sx-secretary", "sx-admin"));
    /**
     * 双新's code: outside the public pages (where street and community names and codes are public administrative
     * data) no successful answer to a caller from 双港 may name it (refusals may echo what the caller sent).
     */
    static final String FOREIGN_CODE = SHUANGXIN;

    /** Imports that would add to 双新: refused row by row for a street admin of 双港, refused outright for others. */
    static final Map<String, String> FOREIGN_IMPORT = Map.of(
            "/imports/leaders", "street,community,building,unit,role,name,gender,birth_date,education,party_member,"
                    + "phone,nomination\n" + SHUANGXIN + "," + XINHUALI + ",9号楼,1单元,楼门长,越权甲,男,1970-01-01,"
                    + "本科,是,13911112222,自荐\n",
            "/imports/households", "street,community,building,unit,room,head_name,members,phone,special_groups\n"
                    + SHUANGXIN + "," + XINHUALI + ",9号楼,1单元,909,越权乙,2,,\n");

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    @Test
    void noRouteLeaksAnotherStreetToAnyRole() throws Exception {
        Http admin = admin();
        // 双新's own people and data, the objects the others must not reach
        user("sx-admin", "STREET_ADMIN", SHUANGXIN);
        user("sx-secretary", "COMMUNITY_SECRETARY", XINHUALI);
        JsonNode sxLeaders = admin.get("/api/v1/leaders?street=" + SHUANGXIN + "&size=200").json().get("items");
        JsonNode sxHouseholds = admin.get("/api/v1/households?community=" + XINHUALI + "&size=200").json()
                .get("items");
        assertTrue(sxLeaders.size() > 0 && sxHouseholds.size() > 0, "demo data of 双新 is loaded");
        FOREIGN.put("leader", sxLeaders.get(0).get("id").asText());
        // notifications: an inbox entry or delivery by number (answered only to its owner / district IT), a channel
        FOREIGN.put("id", "1");
        FOREIGN.put("channel", "webhook.sx");
        Http.Response evaluation = admin.json("POST", "/api/v1/evaluations", Map.of("community", XINHUALI,
                "period", "2025-H2"));
        assertTrue(evaluation.status() == 201 || evaluation.status() == 409, evaluation.body());
        if (evaluation.status() == 201) {
            FOREIGN.put("evaluation", evaluation.json().get("id").asText());
        }
        assertTrue(FOREIGN.containsKey("evaluation"), "an evaluation of 双新 to aim at");
        Http.Response report = user("sx-secretary", "COMMUNITY_SECRETARY", XINHUALI).json("POST", "/api/v1/reports",
                Map.of("place", XINHUALI, "duty", "SANITATION_SUPERVISOR", "urgency", "NORMAL", "description",
                        "双新的问题"));
        assertEquals(201, report.status(), report.body());
        FOREIGN.put("report", report.json().get("id").asText());
        Http.Response photo = user("sx-secretary", "COMMUNITY_SECRETARY", XINHUALI).upload("/api/v1/reports/"
                + FOREIGN.get("report") + "/photos", "image/png", ReportPhotoIT.png());
        assertEquals(201, photo.status(), photo.body());
        FOREIGN.put("n", photo.json().get("n").asText());
        Http.Response resident = http.json("POST", "/api/v1/public/units/" + XINHUALI + "B001U01/reports",
                Map.of("description", "双新居民的问题", "phone", "13955556666"));
        assertEquals(201, resident.status(), resident.body());
        FOREIGN.put("number", resident.json().get("number").asText());
        FOREIGN_PERSONAL.add("13955556666");
        // no award of 双新 is decided in this run: a certificate number of its form, unknown to everyone
        FOREIGN.put("award", java.net.URLEncoder.encode("优秀楼门栋长-2026-" + SHUANGXIN + "-001",
                java.nio.charset.StandardCharsets.UTF_8));
        Http.Response meeting = admin.json("POST", "/api/v1/communities/" + XINHUALI + "/meetings", Map.of("kind",
                "WEEKLY", "scheduledOn", "2026-11-02"));
        assertEquals(201, meeting.status(), meeting.body());
        FOREIGN.put("meeting", meeting.json().get("id").asText());
        Http.Response round = admin.json("POST", "/api/v1/awards/rounds", Map.of("node", SHUANGXIN, "period", "2026"));
        assertEquals(201, round.status(), round.body());
        FOREIGN.put("round", round.json().get("id").asText());
        // projects, the reserve, campaigns and consultations of 双新 (its demo data)
        FOREIGN.put("project", admin.get("/api/v1/projects?street=" + SHUANGXIN).json().get("items").get(0).get("id")
                .asText());
        FOREIGN.put("entry", admin.get("/api/v1/reserve?street=" + SHUANGXIN).json().get(0).get("id").asText());
        FOREIGN.put("committee", "MEDIATION");
        for (JsonNode c : admin.get("/api/v1/campaigns?street=" + SHUANGXIN).json()) {
            JsonNode activities = admin.get("/api/v1/campaigns/" + c.get("id").asText() + "/activities").json();
            if (c.get("node").asText().equals(SHUANGXIN) && activities.size() > 0) {
                FOREIGN.put("campaign", c.get("id").asText());
                FOREIGN.put("activity", activities.get(0).get("id").asText());
            }
        }
        FOREIGN.put("consultation", admin.get("/api/v1/consultations?street=" + SHUANGXIN).json().get(0).get("id")
                .asText());
        // onboarding and capacity training of 双新: a batch (and one of its days) and a session
        Http.Response batch = admin.json("POST", "/api/v1/streets/" + SHUANGXIN + "/training-batches", Map.of(
                "title", "双新入职培训（范围测试）", "startsOn", "2026-11-02", "endsOn", "2026-11-03",
                "place", "双新街道党群服务中心", "trainers", List.of("赵老师"), "curriculum", List.of("五员职责")));
        assertEquals(201, batch.status(), batch.body());
        FOREIGN.put("batch", batch.json().get("id").asText());
        FOREIGN.put("day", "2026-11-02");
        Http.Response provider = admin.json("POST", "/api/v1/streets/" + SHUANGXIN + "/capacity-providers",
                Map.of("kind", "STATION", "name", "双新街道社工站"));
        assertEquals(201, provider.status(), provider.body());
        String serving = null;
        for (JsonNode l : sxLeaders) {
            if (serving == null && l.get("status").asText().equals("IN_SERVICE")) {
                serving = l.get("id").asText();
            }
        }
        Http.Response session = admin.json("POST", "/api/v1/streets/" + SHUANGXIN + "/capacity-sessions", Map.of(
                "provider", provider.json().get("id").asLong(), "heldOn", "2026-11-05", "topic", "矛盾调解技巧",
                "hours", 2, "place", "社工站", "attendees", List.of(Long.parseLong(serving))));
        assertEquals(201, session.status(), session.body());
        FOREIGN.put("session", session.json().get("id").asText());
        // taken after 双新's secretary last signed in: nothing below may change the account
        JsonNode foreignBefore = admin.get("/api/v1/users/sx-secretary").json();
        FOREIGN.put("household", sxHouseholds.get(0).get("id").asText());
        sxLeaders.forEach(l -> FOREIGN_PERSONAL.add(l.get("phone").asText()));
        sxHouseholds.forEach(h -> FOREIGN_PERSONAL.add(h.get("phone").asText()));
        JsonNode leaderBefore = admin.get("/api/v1/leaders/" + FOREIGN.get("leader")).json();
        JsonNode householdBefore = admin.get("/api/v1/households/" + FOREIGN.get("household")).json();
        JsonNode communityBefore = admin.get("/api/v1/communities/" + XINHUALI).json();

        // a programme with a role of its own, so programme routes and granted roles are in the catalogue and the callers
        java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
        props.put(org.loumen.programme.ProgrammeDefinition.ID, "scope-probe");
        props.put(org.loumen.programme.ProgrammeDefinition.NAME_ZH, "范围探测");
        props.put(org.loumen.programme.ProgrammeDefinition.NAME_EN, "Scope probe");
        org.osgi.framework.ServiceRegistration<org.loumen.programme.Programme> probe = context.registerService(
                org.loumen.programme.Programme.class, routes -> routes
                        .role(new org.loumen.programme.ProgrammeRole("PROBE", "探测员", "Prober",
                                org.loumen.security.Role.STREET_ADMIN,
                                org.loumen.programme.ProgrammeRole.Level.COMMUNITY))
                        .reads(org.loumen.programme.data.PersonalData.LEADER_NAMES)
                        .get("/probe", r -> r.data().leaders(null),
                                org.loumen.programme.Allowed.programmeRoles("PROBE")), props);
        try {
        Http.until(() -> admin.get("/api/v1/programme-roles"), r -> r.body().contains("scope-probe"), 30,
                "the probe programme is served");
        for (String street : List.of(SHUANGGANG, SHUANGXIN)) {
            admin.json("PUT", "/api/v1/streets/" + street + "/programmes/scope-probe", Map.of("enabled", true,
                    "acknowledged", List.of("LEADER_NAMES")));
        }
        Http prober = user("sg-prober", "LEADER", GANGWAN);
        Http.Response granted = admin.json("POST", "/api/v1/programme-roles/grants", Map.of("username", "sg-prober",
                "programme", "scope-probe", "role", "PROBE", "node", GANGWAN));
        assertTrue(granted.status() == 201 || granted.status() == 200, granted.body());
        Http.Response foreignGrant = admin.json("POST", "/api/v1/programme-roles/grants", Map.of("username",
                "sx-secretary", "programme", "scope-probe", "role", "PROBE", "node", XINHUALI));
        assertTrue(foreignGrant.status() == 201 || foreignGrant.status() == 200, foreignGrant.body());
        FOREIGN.put("grant", foreignGrant.json().get("id").asText());

        Map<String, Http> callers = new LinkedHashMap<>();
        callers.put("PROBE (a programme role) of 港湾家园", prober);
        callers.put("STREET_ADMIN of 双港镇", user("sg-admin", "STREET_ADMIN", SHUANGGANG));
        callers.put("COMMUNITY_SECRETARY of 港湾家园", user("sg-secretary", "COMMUNITY_SECRETARY", GANGWAN));
        callers.put("LEADER of 港湾家园", user("sg-leader", "LEADER", GANGWAN));
        callers.put("AUDITOR", user("auditor1", "AUDITOR", DISTRICT));
        callers.put("anonymous", http);

        JsonNode routes = admin.get("/api/v1/system/routes").json();
        assertTrue(routes.size() >= 15, routes.toString());
        List<String> leaks = new ArrayList<>();
        int calls = 0;
        for (JsonNode route : routes) {
            String method = route.get("method").asText();
            String template = route.get("path").asText();
            String kind = route.get("access").asText();
            String path = "/api/v1" + substitute(template) + "?street=" + SHUANGXIN + "&community=" + XINHUALI
                    + "&node=" + SHUANGXIN;
            for (Map.Entry<String, Http> caller : callers.entrySet()) {
                if (template.equals("/auth/login") || template.equals("/auth/logout")
                        || template.equals("/auth/password")) {
                    continue; // acts on the caller's own account only; covered by AuthIT
                }
                Http.Response r = method.equals("GET") ? caller.getValue().get(path)
                        : template.startsWith("/imports/") ? caller.getValue().send(method, path, "text/csv",
                                FOREIGN_IMPORT.get(template))
                        : caller.getValue().json(method, path, "{}");
                calls++;
                if (method.equals("GET") && kind.equals("WITHIN")) {
                    // a listing without filters: narrowed to the caller's scope, it must not name 双新 either
                    Http.Response all = caller.getValue().get("/api/v1" + substitute(template));
                    calls++;
                    String at = caller.getKey() + " GET " + template + " (no filter) -> " + all.status() + " "
                            + all.body();
                    if (all.status() >= 500) {
                        leaks.add("server error: " + at);
                    }
                    boolean everything = caller.getKey().equals("AUDITOR")
                            && route.get("roles").toString().contains("AUDITOR");
                    if (!everything && all.status() == 200 && (all.body().contains(FOREIGN_CODE)
                            || FOREIGN_PERSONAL.stream().anyMatch(all.body()::contains))) {
                        leaks.add("foreign data in an unfiltered listing: " + at);
                    }
                }
                String where = caller.getKey() + " " + method + " " + template + " -> " + r.status() + " " + r.body();
                if (r.status() >= 500) {
                    leaks.add("server error: " + where);
                }
                // the auditor's scope is the whole district: the log is theirs to read in full
                boolean districtWide = caller.getKey().equals("AUDITOR")
                        && route.get("roles").toString().contains("AUDITOR");
                if (!districtWide && FOREIGN_PERSONAL.stream().anyMatch(r.body()::contains)) {
                    leaks.add("foreign personal data: " + where);
                }
                boolean ok = r.status() >= 200 && r.status() < 300;
                if (ok && !districtWide && !kind.equals("PUBLIC") && r.body().contains(FOREIGN_CODE)) {
                    leaks.add("foreign object: " + where);
                }
                boolean success = r.status() >= 200 && r.status() < 300;
                if (success && (kind.equals("NODE") || kind.equals("AREA"))) {
                    leaks.add("acted on a foreign node: " + where);
                }
                if (success && !method.equals("GET") && !kind.equals("SIGNED_IN")) {
                    leaks.add("write succeeded: " + where);
                }
                if (caller.getKey().equals("anonymous") && !kind.equals("PUBLIC") && r.status() != 401) {
                    leaks.add("anonymous not refused: " + where);
                }
            }
        }
        assertTrue(leaks.isEmpty(), calls + " calls, leaks:\n" + String.join("\n", leaks));
        assertTrue(routes.toString().contains("scope-probe:PROBE"), "the catalogue names the granted role");
        } finally {
            probe.unregister();
        }

        // and nothing of 双新 changed
        assertEquals(foreignBefore, admin.get("/api/v1/users/sx-secretary").json());
        assertEquals(communityBefore, admin.get("/api/v1/communities/" + XINHUALI).json());
        assertEquals(leaderBefore, admin.get("/api/v1/leaders/" + FOREIGN.get("leader")).json());
        assertEquals(householdBefore, admin.get("/api/v1/households/" + FOREIGN.get("household")).json());
        assertEquals(sxLeaders.size(), admin.get("/api/v1/leaders?street=" + SHUANGXIN + "&size=200").json()
                .get("items").size(), "no leader added to 双新");
    }

    private static String substitute(String template) {
        Matcher m = PARAM.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = FOREIGN.get(m.group(1));
            if (value == null) {
                fail("route " + template + " has a parameter {" + m.group(1)
                        + "} this test has no foreign identifier for: add one to RouteScopeIT.FOREIGN");
            }
            m.appendReplacement(sb, value);
        }
        m.appendTail(sb);
        return sb.toString();
    }

    @Test
    void theStreetAdminOfShuanggangCannotReadListOrChangeShuangxin() throws Exception {
        Http admin = admin();
        user("sx-secretary", "COMMUNITY_SECRETARY", XINHUALI);
        Http sg = user("sg-admin", "STREET_ADMIN", SHUANGGANG);

        // their own street works
        assertEquals(200, sg.get("/api/v1/streets/" + SHUANGGANG).status());
        assertEquals(200, sg.get("/api/v1/streets/" + SHUANGGANG + "/communities").status());
        JsonNode streets = sg.get("/api/v1/streets").json();
        assertEquals(1, streets.size(), streets.toString());
        assertEquals(SHUANGGANG, streets.get(0).get("code").asText());

        // 双新: read, list, change: all 404, exactly as for things that do not exist
        Http.Response street = sg.get("/api/v1/streets/" + SHUANGXIN);
        assertEquals(404, street.status());
        assertEquals("not-found", street.json().get("error").asText());
        assertEquals(404, sg.get("/api/v1/streets/" + SHUANGXIN + "/communities").status());
        assertEquals(404, sg.get("/api/v1/communities/" + XINHUALI).status());
        assertEquals(404, sg.json("PUT", "/api/v1/communities/" + XINHUALI,
                Map.of("name", "改名", "version", 0)).status());
        assertEquals(404, sg.json("POST", "/api/v1/streets/" + SHUANGXIN + "/communities",
                Map.of("code", SHUANGXIN + "901", "name", "冒名社区")).status());
        assertEquals(404, sg.get("/api/v1/users/sx-secretary").status());
        assertEquals(404, sg.send("POST", "/api/v1/users/sx-secretary/password-reset", null, null).status());
        assertEquals(404, sg.get("/api/v1/users?node=" + SHUANGXIN).status());
        JsonNode users = sg.get("/api/v1/users?size=200").json();
        for (JsonNode u : users.get("items")) {
            for (JsonNode b : u.get("bindings")) {
                assertTrue(b.get("node").asText().startsWith(SHUANGGANG), u.toString());
            }
        }
        Http.Response grant = sg.json("POST", "/api/v1/users", Map.of("username", "sg-intruder",
                "displayName", "越权", "bindings", List.of(Map.of("role", "COMMUNITY_SECRETARY", "node", XINHUALI))));
        assertEquals(403, grant.status(), grant.body());
        Http.Response upward = sg.json("POST", "/api/v1/users", Map.of("username", "sg-peer",
                "displayName", "同级", "bindings", List.of(Map.of("role", "STREET_ADMIN", "node", SHUANGGANG))));
        assertEquals(403, upward.status(), "a street admin appoints no street admins");
        Http.Response own = sg.json("POST", "/api/v1/users", Map.of("username", "sg-new-secretary",
                "displayName", "港湾家园书记", "bindings", List.of(Map.of("role", "COMMUNITY_SECRETARY", "node", GANGWAN))));
        assertTrue(own.status() == 201 || own.status() == 409, own.body());

        // the district admin still sees 双新
        assertEquals(200, admin.get("/api/v1/streets/" + SHUANGXIN).status());
    }

    @Test
    void theAuditorReadsTheLogAndWritesNothing() throws Exception {
        Http sg = user("sg-admin", "STREET_ADMIN", SHUANGGANG);
        assertEquals(404, sg.get("/api/v1/streets/" + SHUANGXIN).status());
        assertEquals(404, sg.json("PUT", "/api/v1/communities/" + XINHUALI, Map.of("name", "x", "version", 0))
                .status());
        Http auditor = user("auditor1", "AUDITOR", DISTRICT);

        JsonNode denied = auditor.get("/api/v1/audit?actor=sg-admin&outcome=DENIED&size=200").json();
        List<String> actions = new ArrayList<>();
        for (JsonNode e : denied.get("items")) {
            actions.add(e.get("action").asText() + " " + e.get("object").asText() + " " + e.get("status").asInt());
            assertEquals("127.0.0.1", e.get("client").asText());
            assertTrue(e.get("at").asText().startsWith("20"), e.toString());
        }
        assertTrue(actions.contains("GET /streets/{street} /streets/" + SHUANGXIN + " 404"), actions.toString());
        assertTrue(actions.contains("PUT /communities/{community} /communities/" + XINHUALI + " 404"),
                actions.toString());

        // no writes: the auditor holds none of the roles any write needs
        Http.Response write = auditor.json("PUT", "/api/v1/communities/" + GANGWAN, Map.of("name", "x", "version", 0));
        assertEquals(403, write.status());
        assertEquals("forbidden", write.json().get("error").asText());
        assertEquals(403, auditor.json("POST", "/api/v1/users", Map.of("username", "x")).status());
        assertEquals(403, auditor.get("/api/v1/streets").status(), "and reads nothing but the log");
        // no route edits or deletes the log
        assertEquals(405, auditor.send("DELETE", "/api/v1/audit", null, null).status());
        assertEquals(405, auditor.json("PUT", "/api/v1/audit", "{}").status());

        // reading the log is itself logged, and the chain of entries is intact
        JsonNode reads = auditor.get("/api/v1/audit?actor=auditor1&action=GET%20/audit").json();
        assertTrue(reads.get("total").asInt() >= 1, reads.toString());
        JsonNode verify = auditor.get("/api/v1/audit/verify").json();
        assertTrue(verify.get("intact").asBoolean(), verify.toString());
        assertTrue(verify.get("checked").asLong() > 10, verify.toString());

        assertEquals(403, sg.get("/api/v1/audit").status(), "a street admin does not read the log");
    }

    @Test
    void auditFiltersAreValidated() throws Exception {
        Http admin = admin();
        Http.Response bad = admin.get("/api/v1/audit?from=yesterday");
        assertEquals(400, bad.status());
        assertEquals("from", bad.json().get("field").asText());
        assertEquals(400, admin.get("/api/v1/audit?outcome=MAYBE").status());
        assertEquals(400, admin.get("/api/v1/audit?size=201").status());
        JsonNode today = admin.get("/api/v1/audit?from=2020-01-01&size=1").json();
        assertEquals(1, today.get("items").size());
        assertFalse(today.get("items").get(0).has("hash"), "the chain is for verification, not for readers");
    }
}
