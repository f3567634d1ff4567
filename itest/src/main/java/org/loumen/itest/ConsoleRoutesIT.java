package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The routes the staff web console reads and writes: the listings across the caller's scope (evaluations, award
 * rounds, overdue care visits, meetings), the leader's next lifecycle actions, the leader listing's filters and the
 * renaming of buildings and units. Each with demo data, its scope (双港镇 never sees 双新街道) and its bad input.
 */
class ConsoleRoutesIT extends PlatformTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static void badParameter(Http.Response r, String field) {
        assertEquals(400, r.status(), r.body());
        assertEquals(field, r.json().get("field").asText(), r.body());
    }

    // ---- evaluations ----------------------------------------------------------------------------------------------

    @Test
    void evaluationsAreListedWithinScopeNewestFirst() throws Exception {
        Http admin = admin();
        long gangwan = open(admin, GANGWAN, "2024-H1");
        open(admin, XINHUALI, "2024-H1");

        // one ballot in 港湾家园: a household of a unit rates the unit leader serving it
        String csv = ballotCodeList(admin, gangwan);
        LocalDate today = LocalDate.now(CHINA);
        boolean voted = false;
        for (JsonNode l : admin.get("/api/v1/leaders?community=" + GANGWAN + "&status=IN_SERVICE&role=UNIT_LEADER"
                + "&size=200").json().get("items")) {
            for (JsonNode a : l.get("assignments")) {
                if (voted || !a.get("role").asText().equals("UNIT_LEADER") || a.hasNonNull("end")) {
                    continue;
                }
                String place = a.get("buildingLabel").asText() + a.get("unitLabel").asText();
                for (String line : csv.split("\r\n")) {
                    if (!voted && line.startsWith("\"" + place)) {
                        Http.Response ballot = http.json("POST", "/api/v1/ballots", Map.of("code",
                                line.substring(line.lastIndexOf(',') + 1), "ratings", List.of(Map.of("leader",
                                        l.get("id").asText(), "rating", "SATISFIED"))));
                        assertEquals(201, ballot.status(), ballot.body());
                        voted = true;
                    }
                }
            }
        }
        assertTrue(voted, "a household of 港湾家园 voted");

        Http sg = user("sg-admin", "STREET_ADMIN", SHUANGGANG);
        JsonNode listed = sg.get("/api/v1/evaluations?size=200").json();
        JsonNode mine = null;
        String previous = null;
        for (JsonNode e : listed.get("items")) {
            assertTrue(e.get("community").asText().startsWith(SHUANGGANG), e.toString());
            String opened = e.get("openedAt").asText();
            assertTrue(previous == null || previous.compareTo(opened) >= 0, "newest first: " + listed);
            previous = opened;
            mine = e.get("id").asLong() == gangwan ? e : mine;
        }
        assertFalse(listed.toString().contains(SHUANGXIN), "nothing of 双新");
        assertNotNull(mine, listed.toString());
        assertEquals(GANGWAN, mine.get("community").asText());
        assertTrue(mine.get("communityName").asText().startsWith("港湾家园"), mine.toString());
        assertEquals("2024-H1", mine.get("period").asText());
        assertEquals("OPEN", mine.get("status").asText());
        assertTrue(mine.get("codesIssued").asLong() > 0, mine.toString());
        assertEquals(1, mine.get("ballotsCast").asLong(), mine.toString());
        assertTrue(mine.get("closedAt").isNull());
        assertEquals(listed.get("items").size(), listed.get("total").asInt());

        // closed: status and time
        assertEquals(200, admin.send("POST", "/api/v1/evaluations/" + gangwan + "/close", null, null).status());
        JsonNode closed = user("sg-secretary", "COMMUNITY_SECRETARY", GANGWAN).get("/api/v1/evaluations?period="
                + "2024-H1").json();
        assertEquals(1, closed.get("total").asInt(), closed.toString());
        assertEquals("CLOSED", closed.get("items").get(0).get("status").asText());
        assertTrue(closed.get("items").get(0).get("closedAt").asText().startsWith("20"), closed.toString());

        // the district sees both streets; filters narrow
        JsonNode both = admin.get("/api/v1/evaluations?period=2024-H1").json();
        Set<String> communities = new HashSet<>();
        both.get("items").forEach(e -> communities.add(e.get("community").asText()));
        assertTrue(communities.containsAll(Set.of(GANGWAN, XINHUALI)), both.toString());
        JsonNode sx = admin.get("/api/v1/evaluations?street=" + SHUANGXIN + "&period=2024-H1").json();
        assertEquals(1, sx.get("total").asInt(), sx.toString());
        assertEquals(1, admin.get("/api/v1/evaluations?period=2024-H1&size=1&page=2").json().get("items").size());

        // scope and bad input
        assertEquals(404, sg.get("/api/v1/evaluations?community=" + XINHUALI).status());
        assertEquals(404, sg.get("/api/v1/evaluations?street=" + SHUANGXIN).status());
        badParameter(sg.get("/api/v1/evaluations?period=2024-H3"), "period");
        badParameter(sg.get("/api/v1/evaluations?street=1201121030"), "street");
        badParameter(sg.get("/api/v1/evaluations?size=201"), "size");
        assertEquals(403, user("sg-leader", "LEADER", GANGWAN).get("/api/v1/evaluations").status());
    }

    private static long open(Http admin, String community, String period) throws Exception {
        Http.Response opened = admin.json("POST", "/api/v1/evaluations", Map.of("community", community, "period",
                period));
        assertEquals(201, opened.status(), opened.body());
        return opened.json().get("id").asLong();
    }

    @Test
    void theCurrentPeriodIsTheHalfYearInChina() throws Exception {
        LocalDate today = LocalDate.now(CHINA);
        JsonNode p = http.get("/api/v1/evaluations/periods/current").json();
        boolean first = today.getMonthValue() <= 6;
        assertEquals(today.getYear() + (first ? "-H1" : "-H2"), p.get("period").asText());
        assertEquals(LocalDate.of(today.getYear(), first ? 1 : 7, 1).toString(), p.get("startsOn").asText());
        assertEquals(LocalDate.of(today.getYear(), first ? 6 : 12, first ? 30 : 31).toString(),
                p.get("endsOn").asText());
    }

    // ---- award rounds ---------------------------------------------------------------------------------------------

    @Test
    void awardRoundsAreListedToThoseWhoSelectAndToSecretaries() throws Exception {
        Http admin = admin();
        Http.Response sg2023 = admin.json("POST", "/api/v1/awards/rounds", Map.of("node", SHUANGGANG, "period",
                "2023", "minSatisfaction", 95, "minReportsHandled", 2));
        assertEquals(201, sg2023.status(), sg2023.body());
        long round = sg2023.json().get("id").asLong();
        assertEquals(201, admin.json("POST", "/api/v1/awards/rounds", Map.of("node", SHUANGXIN, "period", "2023"))
                .status());

        for (Http caller : List.of(user("sg-admin", "STREET_ADMIN", SHUANGGANG), user("sg-secretary",
                "COMMUNITY_SECRETARY", GANGWAN))) {
            JsonNode rounds = caller.get("/api/v1/awards/rounds").json();
            JsonNode mine = null;
            for (JsonNode r : rounds) {
                String node = r.get("node").asText();
                assertTrue(node.startsWith(SHUANGGANG) || SHUANGGANG.startsWith(node), r.toString());
                mine = r.get("id").asLong() == round ? r : mine;
            }
            assertFalse(rounds.toString().contains(SHUANGXIN), "nothing of 双新: " + rounds);
            assertNotNull(mine, rounds.toString());
            assertEquals("双港镇", mine.get("nodeName").asText());
            assertEquals("2023", mine.get("period").asText());
            assertEquals(0, mine.get("minSatisfaction").decimalValue().compareTo(new java.math.BigDecimal("95")));
            assertEquals(2, mine.get("minReportsHandled").asInt());
            assertFalse(mine.get("decided").asBoolean());
            assertTrue(mine.get("decidedOn").isNull());
            assertEquals(0, mine.get("awardees").asInt());
        }
        JsonNode all = admin.get("/api/v1/awards/rounds?street=" + SHUANGXIN).json();
        assertTrue(all.size() >= 1, all.toString());
        all.forEach(r -> assertTrue(r.get("node").asText().equals(SHUANGXIN) || r.get("node").asText()
                .equals(DISTRICT), r.toString()));

        Http sg = user("sg-admin", "STREET_ADMIN", SHUANGGANG);
        assertEquals(404, sg.get("/api/v1/awards/rounds?street=" + SHUANGXIN).status());
        badParameter(sg.get("/api/v1/awards/rounds?street=1201121030"), "street");
        assertEquals(403, user("sg-leader", "LEADER", GANGWAN).get("/api/v1/awards/rounds").status());
        assertEquals(403, user("sg-secretary", "COMMUNITY_SECRETARY", GANGWAN).get("/api/v1/awards/rounds/" + round
                + "/candidates").status(), "secretaries read the rounds, not the candidates");
    }

    // ---- overdue care visits --------------------------------------------------------------------------------------

    @Test
    void overdueVisitsAreCountedPerCommunityWithoutNamesOrTags() throws Exception {
        Http secretary = user("sg-secretary", "COMMUNITY_SECRETARY", GANGWAN);
        long household = tag(secretary, GANGWAN + "B001U01");
        // visited a month ago, due every 7 days: overdue
        assertEquals(201, secretary.json("POST", "/api/v1/households/" + household + "/visits", Map.of("visitedOn",
                LocalDate.now(CHINA).minusDays(30).toString())).status());
        tag(user("sx-secretary", "COMMUNITY_SECRETARY", XINHUALI), XINHUALI + "B001U01");

        Http sg = user("sg-admin", "STREET_ADMIN", SHUANGGANG);
        Http.Response r = sg.get("/api/v1/care/overdue");
        assertEquals(200, r.status(), r.body());
        JsonNode summary = r.json();
        assertFalse(r.body().contains(SHUANGXIN), "nothing of 双新: " + r.body());
        assertFalse(r.body().contains("ELDERLY") || r.body().contains("LOW_INCOME") || r.body().contains("household"),
                "counts only: " + r.body());
        JsonNode gangwan = null;
        int plans = 0;
        int overdue = 0;
        for (JsonNode c : summary.get("items")) {
            assertTrue(c.get("community").asText().startsWith(SHUANGGANG), c.toString());
            plans += c.get("plans").asInt();
            overdue += c.get("overdue").asInt();
            gangwan = c.get("community").asText().equals(GANGWAN) ? c : gangwan;
        }
        assertEquals(plans, summary.get("plans").asInt());
        assertEquals(overdue, summary.get("overdue").asInt());
        assertNotNull(gangwan, r.body());
        assertTrue(gangwan.get("communityName").asText().startsWith("港湾家园"), gangwan.toString());
        // the same rule as the secretary's own plans
        JsonNode own = secretary.get("/api/v1/care/plans?community=" + GANGWAN).json();
        int ownOverdue = 0;
        for (JsonNode p : own) {
            ownOverdue += p.get("overdue").asBoolean() ? 1 : 0;
        }
        assertEquals(own.size(), gangwan.get("plans").asInt(), own.toString());
        assertEquals(ownOverdue, gangwan.get("overdue").asInt());
        assertTrue(gangwan.get("overdue").asInt() >= 1, "the household visited a month ago: " + gangwan);

        JsonNode one = secretary.get("/api/v1/care/overdue?community=" + GANGWAN).json();
        assertEquals(1, one.get("items").size(), one.toString());
        JsonNode district = admin().get("/api/v1/care/overdue?street=" + SHUANGXIN).json();
        assertTrue(district.get("items").size() >= 1, district.toString());
        district.get("items").forEach(c -> assertTrue(c.get("community").asText().startsWith(SHUANGXIN)));

        assertEquals(404, sg.get("/api/v1/care/overdue?community=" + XINHUALI).status());
        assertEquals(404, secretary.get("/api/v1/care/overdue?street=" + SHUANGGANG).status(),
                "a secretary filters by their community, not the street");
        badParameter(sg.get("/api/v1/care/overdue?community=12011210300"), "community");
        assertEquals(403, user("sg-leader", "LEADER", GANGWAN).get("/api/v1/care/overdue").status());
    }

    /** Tags the first household of the unit as elderly living alone: a visit every 7 days. */
    private static long tag(Http secretary, String unit) throws Exception {
        JsonNode h = secretary.get("/api/v1/households?unit=" + unit).json().get("items").get(0);
        Http.Response tagged = secretary.json("PUT", "/api/v1/households/" + h.get("id").asLong(), Map.of(
                "specialGroups", List.of("ELDERLY_LIVING_ALONE"), "version", h.get("version").asLong()));
        assertEquals(200, tagged.status(), tagged.body());
        return h.get("id").asLong();
    }

    // ---- lifecycle actions ----------------------------------------------------------------------------------------

    @Test
    void theActionsOfALeaderFollowTheLifecycle() throws Exception {
        Http secretary = user("sg-secretary", "COMMUNITY_SECRETARY", GANGWAN);
        Http.Response nominated = secretary.json("POST", "/api/v1/communities/" + GANGWAN + "/nominations", Map.of(
                "name", "动作甲", "gender", "FEMALE", "birthDate", "1981-03-03", "education", "BACHELOR",
                "partyMember", true, "phone", "13500007701", "method", "SELF", "nominatedBy", "本人",
                "role", "UNIT_LEADER", "place", GANGWAN + "B001U01"));
        assertEquals(201, nominated.status(), nominated.body());
        String leader = "/api/v1/leaders/" + nominated.json().get("id").asLong();
        JsonNode actions = secretary.get(leader + "/actions").json();
        assertEquals("NOMINATED", actions.get("status").asText());
        assertEquals("[\"decision\"]", actions.get("actions").toString());

        assertEquals(200, secretary.json("POST", leader + "/decision", Map.of("meetingDate", LocalDate.now(CHINA)
                .toString(), "attendees", 5, "votesFor", 4, "votesAgainst", 1, "abstentions", 0)).status());
        actions = secretary.get(leader + "/actions").json();
        assertEquals("APPROVED", actions.get("status").asText());
        assertEquals("[\"training\"]", actions.get("actions").toString());
        // what the actions say is what the routes do
        assertEquals(409, secretary.send("POST", leader + "/activation", null, null).status());
        assertEquals(200, secretary.json("POST", leader + "/training", Map.of("session", "2026 春季班")).status());
        // certification needs a passed assessment (issue 20): the actions say so
        assertEquals("[\"assessment\"]", secretary.get(leader + "/actions").json().get("actions").toString());
        assertEquals(200, secretary.json("POST", leader + "/assessment", Map.of("result", "PASSED")).status());
        assertEquals("[\"certification\"]", secretary.get(leader + "/actions").json().get("actions").toString());
        assertEquals(200, secretary.json("POST", leader + "/certification", Map.of("workId", "GW-ACT-01",
                "armbandIssuedOn", LocalDate.now(CHINA).toString())).status());
        assertEquals("[\"activation\"]", secretary.get(leader + "/actions").json().get("actions").toString());
        assertEquals(200, secretary.send("POST", leader + "/activation", null, null).status());
        assertEquals("[\"suspend\",\"resign\",\"retire\"]", secretary.get(leader + "/actions").json().get("actions")
                .toString());
        assertEquals(200, secretary.json("POST", leader + "/status", Map.of("to", "SUSPENDED", "reason", "外出"))
                .status());
        actions = secretary.get(leader + "/actions").json();
        assertEquals("SUSPENDED", actions.get("status").asText());
        assertEquals("[\"reinstate\",\"resign\",\"retire\"]", actions.get("actions").toString());
        long version = secretary.get(leader).json().get("version").asLong();
        assertEquals(200, secretary.json("POST", leader + "/retire", Map.of("version", version)).status());
        actions = secretary.get(leader + "/actions").json();
        assertEquals("RETIRED", actions.get("status").asText());
        assertEquals("[]", actions.get("actions").toString());

        // scope: a leader of 双新 is not found; a malformed id neither; leaders hold no lifecycle role
        String foreign = admin().get("/api/v1/leaders?community=" + XINHUALI).json().get("items").get(0).get("id")
                .asText();
        assertEquals(404, user("sg-admin", "STREET_ADMIN", SHUANGGANG).get("/api/v1/leaders/" + foreign
                + "/actions").status());
        assertEquals(404, secretary.get("/api/v1/leaders/abc/actions").status());
        assertEquals(403, user("sg-leader", "LEADER", GANGWAN).get(leader + "/actions").status());
    }

    // ---- leader listing filters -----------------------------------------------------------------------------------

    @Test
    void theLeaderListingFiltersByStatusRoleAgeAndEducation() throws Exception {
        Http sg = user("sg-admin", "STREET_ADMIN", SHUANGGANG);
        LocalDate today = LocalDate.now(CHINA);
        JsonNode everyone = sg.get("/api/v1/leaders?size=200").json();
        int total = everyone.get("total").asInt();
        assertTrue(total > 0 && total <= 200, everyone.toString());
        JsonNode first = everyone.get("items").get(0);
        for (String field : List.of("id", "name", "gender", "birthDate", "age", "education", "partyMember", "phone",
                "status", "community", "communityName", "workId", "assignments", "version")) {
            assertTrue(first.has(field), field + " in " + first);
        }
        for (JsonNode l : everyone.get("items")) {
            assertTrue(l.get("community").asText().startsWith(SHUANGGANG), l.toString());
            assertEquals(Period.between(LocalDate.parse(l.get("birthDate").asText()), today).getYears(),
                    l.get("age").asInt());
        }
        assertTrue(everyone.toString().contains("港湾家园"), "community names");

        // age: the profile report's rule, and the two groups make up everyone
        JsonNode young = sg.get("/api/v1/leaders?age=under60&size=200").json();
        JsonNode old = sg.get("/api/v1/leaders?age=60plus&size=200").json();
        young.get("items").forEach(l -> assertTrue(l.get("age").asInt() < 60, l.toString()));
        old.get("items").forEach(l -> assertTrue(l.get("age").asInt() >= 60, l.toString()));
        assertEquals(total, young.get("total").asInt() + old.get("total").asInt());
        assertTrue(young.get("total").asInt() > 0 && old.get("total").asInt() > 0, "the demo has both");

        JsonNode serving = sg.get("/api/v1/leaders?status=IN_SERVICE&size=200").json();
        assertTrue(serving.get("total").asInt() > 0);
        serving.get("items").forEach(l -> assertEquals("IN_SERVICE", l.get("status").asText()));

        for (String role : List.of("UNIT_LEADER", "BUILDING_LEADER")) {
            JsonNode byRole = sg.get("/api/v1/leaders?role=" + role + "&size=200").json();
            assertTrue(byRole.get("total").asInt() > 0, role);
            for (JsonNode l : byRole.get("items")) {
                boolean inForce = false;
                for (JsonNode a : l.get("assignments")) {
                    inForce |= a.get("role").asText().equals(role) && (a.get("end").isNull()
                            || LocalDate.parse(a.get("end").asText()).isAfter(today));
                }
                assertTrue(inForce, role + " in force: " + l);
            }
        }

        Set<String> college = Set.of("JUNIOR_COLLEGE", "BACHELOR", "MASTER", "DOCTORATE");
        JsonNode graduates = sg.get("/api/v1/leaders?education=collegeOrAbove&size=200").json();
        graduates.get("items").forEach(l -> assertTrue(college.contains(l.get("education").asText()), l.toString()));
        int byLevel = 0;
        for (String level : college) {
            JsonNode one = sg.get("/api/v1/leaders?education=" + level + "&size=200").json();
            one.get("items").forEach(l -> assertEquals(level, l.get("education").asText()));
            byLevel += one.get("total").asInt();
        }
        assertEquals(graduates.get("total").asInt(), byLevel);

        // combined, paged and sorted
        JsonNode combined = sg.get("/api/v1/leaders?status=IN_SERVICE&age=under60&education=collegeOrAbove"
                + "&role=UNIT_LEADER&sort=-birthDate&size=200").json();
        String previous = null;
        for (JsonNode l : combined.get("items")) {
            assertTrue(l.get("age").asInt() < 60 && college.contains(l.get("education").asText())
                    && l.get("status").asText().equals("IN_SERVICE"), l.toString());
            String born = l.get("birthDate").asText();
            assertTrue(previous == null || previous.compareTo(born) >= 0, "sorted by -birthDate");
            previous = born;
        }
        JsonNode page2 = sg.get("/api/v1/leaders?age=60plus&size=2&page=2&sort=id").json();
        assertEquals(old.get("total").asInt(), page2.get("total").asInt());

        // scope and bad input
        assertFalse(sg.get("/api/v1/leaders?status=IN_SERVICE&size=200").body().contains(SHUANGXIN));
        assertEquals(404, sg.get("/api/v1/leaders?street=" + SHUANGXIN + "&status=IN_SERVICE").status());
        badParameter(sg.get("/api/v1/leaders?status=ACTIVE"), "status");
        badParameter(sg.get("/api/v1/leaders?role=LEADER"), "role");
        badParameter(sg.get("/api/v1/leaders?age=old"), "age");
        badParameter(sg.get("/api/v1/leaders?education=PhD"), "education");
    }

    // ---- renaming buildings and units -----------------------------------------------------------------------------

    @Test
    void buildingsAndUnitsAreRenamedWithTheirVersion() throws Exception {
        Http secretary = user("sg-secretary", "COMMUNITY_SECRETARY", GANGWAN);
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        Http.Response made = secretary.json("POST", "/api/v1/communities/" + GANGWAN + "/buildings", Map.of("label",
                "改名楼" + suffix));
        assertEquals(201, made.status(), made.body());
        String building = made.json().get("code").asText();
        assertEquals(201, secretary.json("POST", "/api/v1/buildings/" + building + "/units", Map.of("label",
                "1单元")).status());
        assertEquals(201, secretary.json("POST", "/api/v1/buildings/" + building + "/units", Map.of("label",
                "2单元")).status());

        JsonNode listed = building(secretary, building);
        long version = listed.get("version").asLong();
        JsonNode unit2 = listed.get("units").get(1);
        assertTrue(unit2.has("version"), unit2.toString());

        Http.Response renamed = secretary.json("PUT", "/api/v1/buildings/" + building, Map.of("label",
                "东区改名楼" + suffix, "version", version));
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("东区改名楼" + suffix, renamed.json().get("label").asText());
        assertEquals(building, renamed.json().get("code").asText(), "the code stays");
        assertTrue(renamed.json().get("version").asLong() > version);
        assertEquals("东区改名楼" + suffix, building(secretary, building).get("label").asText());

        Http.Response stale = secretary.json("PUT", "/api/v1/buildings/" + building, Map.of("label", "再改" + suffix,
                "version", version));
        assertEquals(409, stale.status());
        assertEquals("stale-version", stale.json().get("error").asText());
        String taken = secretary.get("/api/v1/communities/" + GANGWAN + "/buildings").json().get(0).get("label")
                .asText();
        Http.Response duplicate = secretary.json("PUT", "/api/v1/buildings/" + building, Map.of("label", taken,
                "version", renamed.json().get("version").asLong()));
        assertEquals(409, duplicate.status(), duplicate.body());
        assertEquals("label", duplicate.json().get("field").asText());
        badParameter(secretary.json("PUT", "/api/v1/buildings/" + building, Map.of("label", " ", "version",
                renamed.json().get("version").asLong())), "label");
        badParameter(secretary.json("PUT", "/api/v1/buildings/" + building, Map.of("label", "无版本")), "version");

        String unit = unit2.get("code").asText();
        Http.Response sameAsUnit1 = secretary.json("PUT", "/api/v1/units/" + unit, Map.of("label", "1单元",
                "version", unit2.get("version").asLong()));
        assertEquals(409, sameAsUnit1.status());
        assertEquals("label", sameAsUnit1.json().get("field").asText());
        Http.Response unitRenamed = secretary.json("PUT", "/api/v1/units/" + unit, Map.of("label", "二单元",
                "version", unit2.get("version").asLong()));
        assertEquals(200, unitRenamed.status(), unitRenamed.body());
        assertEquals("二单元", unitRenamed.json().get("label").asText());
        assertTrue(unitRenamed.json().get("version").asLong() > unit2.get("version").asLong());
        assertEquals("二单元", building(secretary, building).get("units").get(1).get("label").asText());
        assertEquals("stale-version", secretary.json("PUT", "/api/v1/units/" + unit, Map.of("label", "三单元",
                "version", unit2.get("version").asLong())).json().get("error").asText());
        badParameter(secretary.json("PUT", "/api/v1/units/" + unit, Map.of("version", 0)), "label");
        assertEquals(404, secretary.json("PUT", "/api/v1/units/" + building + "U99", Map.of("label", "x",
                "version", 0)).status());

        // scope: 双新's buildings and units are not found; a leader renames nothing
        Http sg = user("sg-admin", "STREET_ADMIN", SHUANGGANG);
        assertEquals(404, sg.json("PUT", "/api/v1/buildings/" + XINHUALI + "B001", Map.of("label", "越权", "version",
                0)).status());
        assertEquals(404, secretary.json("PUT", "/api/v1/units/" + XINHUALI + "B001U01", Map.of("label", "越权",
                "version", 0)).status());
        assertEquals(403, user("sg-leader", "LEADER", GANGWAN).json("PUT", "/api/v1/buildings/" + building,
                Map.of("label", "x", "version", 0)).status());
    }

    private static JsonNode building(Http caller, String code) throws Exception {
        for (JsonNode b : caller.get("/api/v1/communities/" + code.substring(0, 12) + "/buildings").json()) {
            if (b.get("code").asText().equals(code)) {
                assertTrue(b.has("version"), b.toString());
                return b;
            }
        }
        throw new AssertionError("no building " + code);
    }

    // ---- meetings -------------------------------------------------------------------------------------------------

    @Test
    void meetingsAreListedAcrossTheScopeNewestFirst() throws Exception {
        Http admin = admin();
        Http.Response gw = admin.json("POST", "/api/v1/communities/" + GANGWAN + "/meetings", Map.of("kind", "WEEKLY",
                "scheduledOn", "2023-05-08"));
        assertEquals(201, gw.status(), gw.body());
        long meeting = gw.json().get("id").asLong();
        assertEquals(201, admin.json("POST", "/api/v1/communities/" + GANGWAN + "/meetings", Map.of("kind",
                "MONTHLY", "scheduledOn", "2023-05-29")).status());
        assertEquals(201, admin.json("POST", "/api/v1/communities/" + XINHUALI + "/meetings", Map.of("kind",
                "WEEKLY", "scheduledOn", "2023-05-09")).status());
        List<Long> present = new ArrayList<>();
        admin.get("/api/v1/leaders?community=" + GANGWAN + "&size=2&sort=id").json().get("items")
                .forEach(l -> present.add(l.get("id").asLong()));
        Http.Response held = admin.json("POST", "/api/v1/meetings/" + meeting + "/record", Map.of("heldOn",
                "2023-05-08", "attendees", present, "minutes", "本周楼道清理"));
        assertEquals(200, held.status(), held.body());

        Http sg = user("sg-secretary", "COMMUNITY_SECRETARY", GANGWAN);
        JsonNode may = sg.get("/api/v1/meetings?from=2023-05-01&to=2023-05-31").json();
        assertFalse(may.toString().contains(SHUANGXIN), may.toString());
        assertEquals(2, may.get("total").asInt(), may.toString());
        JsonNode monthly = may.get("items").get(0);
        JsonNode weekly = may.get("items").get(1);
        assertEquals("2023-05-29", monthly.get("scheduledOn").asText(), "newest first");
        assertEquals("MONTHLY", monthly.get("kind").asText());
        assertEquals("SCHEDULED", monthly.get("status").asText());
        assertTrue(monthly.get("heldOn").isNull());
        assertEquals(0, monthly.get("attendees").asInt());
        assertEquals(meeting, weekly.get("id").asLong());
        assertTrue(weekly.get("communityName").asText().startsWith("港湾家园"), weekly.toString());
        assertEquals("HELD", weekly.get("status").asText());
        assertEquals("2023-05-08", weekly.get("heldOn").asText());
        assertEquals(present.size(), weekly.get("attendees").asInt());

        JsonNode district = admin.get("/api/v1/meetings?from=2023-05-01&to=2023-05-31&size=200").json();
        assertEquals(3, district.get("total").asInt(), district.toString());
        assertEquals(1, admin.get("/api/v1/meetings?street=" + SHUANGXIN + "&from=2023-05-01&to=2023-05-31").json()
                .get("total").asInt());
        JsonNode paged = admin.get("/api/v1/meetings?from=2023-05-01&to=2023-05-31&size=1&page=3").json();
        assertEquals(1, paged.get("items").size());
        assertEquals(meeting, paged.get("items").get(0).get("id").asLong());
        JsonNode unbounded = user("sg-admin", "STREET_ADMIN", SHUANGGANG).get("/api/v1/meetings?size=200").json();
        unbounded.get("items").forEach(m -> assertTrue(m.get("community").asText().startsWith(SHUANGGANG)));

        assertEquals(404, sg.get("/api/v1/meetings?community=" + XINHUALI).status());
        assertEquals(404, user("sg-admin", "STREET_ADMIN", SHUANGGANG).get("/api/v1/meetings?street=" + SHUANGXIN)
                .status());
        badParameter(sg.get("/api/v1/meetings?from=yesterday"), "from");
        badParameter(sg.get("/api/v1/meetings?from=2023-06-01&to=2023-05-01"), "from");
        badParameter(sg.get("/api/v1/meetings?size=0"), "size");
        assertEquals(403, user("sg-leader", "LEADER", GANGWAN).get("/api/v1/meetings").status());
    }
}
