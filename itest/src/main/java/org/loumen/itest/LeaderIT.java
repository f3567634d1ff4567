package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Leaders and households over HTTP: imports, export, the profile report, the public directory, edits and scope. */
class LeaderIT extends PlatformTest {

    static final String HEADER = "street,community,building,unit,role,name,gender,birth_date,education,party_member,"
            + "phone,nomination\n";
    static final String BALITAI = "120112107";


    private static long count(Http admin, String query) throws Exception {
        return admin.get("/api/v1/leaders?" + query).json().get("total").asLong();
    }

    @Test
    void aGbkFileCreatesThePlacesItNamesAndTheLeaders() throws Exception {
        Http admin = admin();
        String csv = HEADER
                + "八里台镇,测试甲社区,1号楼,1单元,楼门长,测试甲一,女,1962-06-30,硕士,是,13700000001,自荐\n"
                + "八里台镇,测试甲社区,1号楼,2单元,楼门长,测试甲二,男,1962/7/1,博士,否,13700000002,推荐\n"
                + "120112107,测试甲社区,1号楼,,栋长,测试甲三,女,1990-01-01,高中,是,13700000003,自荐\n"
                + "八里台镇,测试甲社区,2号楼,1单元,楼门长,测试甲四,男,1950-12-31,大专,否,13700000004,推荐\n";
        Http.Response r = admin.upload("/api/v1/imports/leaders", csv.getBytes(Charset.forName("GBK")));
        assertEquals(200, r.status(), r.body());
        assertEquals(4, r.json().get("imported").asInt());
        JsonNode created = r.json().get("created");
        assertEquals(1, created.get("communities").asInt());
        assertEquals(2, created.get("buildings").asInt());
        assertEquals(3, created.get("units").asInt());

        JsonNode communities = admin.get("/api/v1/streets/" + BALITAI + "/communities").json();
        String code = null;
        for (JsonNode c : communities) {
            code = c.get("name").asText().equals("测试甲社区") ? c.get("code").asText() : code;
        }
        assertTrue(code != null && code.startsWith(BALITAI), communities.toString());
        JsonNode buildings = admin.get("/api/v1/communities/" + code + "/buildings").json();
        assertEquals(code + "B001", buildings.get(0).get("code").asText());
        assertEquals(code + "B001U02", buildings.get(0).get("units").get(1).get("code").asText());

        // the profile on the day the first leader turns 60: ages, percentages, coverage
        JsonNode p = admin.get("/api/v1/reports/leader-profile?asOf=2022-06-30&community=" + code).json();
        assertEquals(4, p.get("total").asInt());
        assertEquals(2, p.get("under60").asInt(), "60 today is not under 60; 59 until tomorrow is");
        Http.Response raw = admin.get("/api/v1/reports/leader-profile?asOf=2022-06-30&community=" + code);
        assertTrue(raw.body().contains("\"under60Percent\":50.00"), "two decimals on the wire: " + raw.body());
        assertEquals(3, p.get("collegeOrAbove").asInt());
        assertTrue(raw.body().contains("\"collegeOrAbovePercent\":75.00"), raw.body());
        assertEquals(1, p.get("masters").asInt());
        assertEquals(1, p.get("doctorates").asInt());
        assertEquals(2, p.get("partyMembers").asInt());
        JsonNode coverage = p.get("coverage");
        assertEquals(3, coverage.get("units").get("total").asInt());
        assertEquals(3, coverage.get("units").get("withLeader").asInt());
        assertEquals(2, coverage.get("buildings").get("total").asInt());
        assertEquals(1, coverage.get("buildings").get("withoutLeader").asInt(), "2号楼 has no 栋长");
        assertEquals(BALITAI, coverage.get("byStreet").get(0).get("code").asText());
        assertEquals(code, coverage.get("byStreet").get(0).get("communities").get(0).get("code").asText());
        assertEquals(400, admin.get("/api/v1/reports/leader-profile?asOf=2022-6-30").status());
    }

    @Test
    void oneBadRowRefusesTheWholeFileAndNamesEveryProblem() throws Exception {
        Http admin = admin();
        long before = count(admin, "size=1");
        String csv = "\uFEFF" + HEADER
                + "八里台镇,测试乙社区,1号楼,1单元,楼门长,好行一,女,1970-01-01,本科,是,13700000101,自荐\n"
                + "八里台镇,测试乙社区,1号楼,2单元,楼门长,坏行,女,1970-02-30,研究生,是,13700000102,自荐\n"
                + "不存在街道,测试乙社区,1号楼,3单元,楼门长,好行二,女,1970-01-01,本科,是,13700000103,自荐\n"
                + "八里台镇,测试乙社区,1号楼,4单元,楼门长,重号,女,1970-01-01,本科,是,13900000000,自荐\n";
        Http.Response r = admin.upload("/api/v1/imports/leaders", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(422, r.status(), r.body());
        assertEquals("invalid-csv", r.json().get("error").asText());
        List<String> rows = new ArrayList<>();
        for (JsonNode row : r.json().get("rows")) {
            rows.add(row.get("row").asInt() + ":" + row.get("column").asText() + ":" + row.get("value").asText());
        }
        assertEquals(List.of("3:birth_date:1970-02-30", "3:education:研究生"), rows, "format rules come first");
        // with the format fixed, the references are checked: unknown street and a phone already registered
        Http.Response again = admin.upload("/api/v1/imports/leaders", csv.replace("1970-02-30", "1970-02-28")
                .replace("研究生", "硕士").getBytes(StandardCharsets.UTF_8));
        assertEquals(422, again.status(), again.body());
        rows.clear();
        for (JsonNode row : again.json().get("rows")) {
            rows.add(row.get("row").asInt() + ":" + row.get("column").asText());
        }
        assertEquals(List.of("4:street", "5:phone"), rows);
        assertEquals(before, count(admin, "size=1"), "nothing written");
        for (JsonNode c : admin.get("/api/v1/streets/" + BALITAI + "/communities").json()) {
            assertFalse(c.get("name").asText().equals("测试乙社区"), "no community created either");
        }
        Http.Response json = admin.json("POST", "/api/v1/imports/leaders", "{}");
        assertEquals(415, json.status());
    }

    @Test
    void exportIsExcelFriendlyAndDefusesFormulas() throws Exception {
        Http admin = admin();
        String csv = HEADER + "八里台镇,测试丙社区,1号楼,1单元,楼门长,=HYPERLINK(\"http://x\"),女,1970-01-01,本科,是,"
                + "13700000201,自荐\n";
        assertEquals(200, admin.upload("/api/v1/imports/leaders", csv.getBytes(StandardCharsets.UTF_8)).status());
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(admin.base()
                + "/api/v1/exports/leaders?street=" + BALITAI)).header("Authorization", "Bearer " + admin.token())
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
        byte[] body = r.body();
        assertEquals(0xEF, body[0] & 0xff, "UTF-8 BOM");
        String text = new String(body, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), text);
        assertTrue(text.contains("八里台镇,测试丙社区,1号楼,1单元,楼门长"), text);
        assertFalse(text.contains("双港镇"), "only the street asked for");
    }

    @Test
    void editsUseOptimisticLockingAndNameTheField() throws Exception {
        Http admin = admin();
        JsonNode buildings = admin.get("/api/v1/communities/" + GANGWAN + "/buildings").json();
        String unit = buildings.get(0).get("units").get(0).get("code").asText();
        Http.Response created = admin.json("POST", "/api/v1/communities/" + GANGWAN + "/leaders", Map.of(
                "name", "编辑测试", "gender", "FEMALE", "birthDate", "1975-05-05", "education", "BACHELOR",
                "partyMember", true, "phone", "13700000301", "nomination", "SELF", "liaison", true,
                "assignments", List.of(Map.of("role", "UNIT_LEADER", "place", unit))));
        assertEquals(201, created.status(), created.body());
        JsonNode leader = created.json();
        long id = leader.get("id").asLong();
        long version = leader.get("version").asLong();
        assertEquals(unit, leader.get("assignments").get(0).get("unit").asText());

        Http.Response first = admin.json("PUT", "/api/v1/leaders/" + id, Map.of("name", "编辑测试二", "version", version));
        assertEquals(200, first.status(), first.body());
        assertEquals("编辑测试二", first.json().get("name").asText());
        assertEquals("编辑测试二", admin.get("/api/v1/leaders/" + id).json().get("name").asText(), "stored");
        Http.Response stale = admin.json("PUT", "/api/v1/leaders/" + id, Map.of("name", "编辑测试三", "version", version));
        assertEquals(409, stale.status());
        assertEquals("stale-version", stale.json().get("error").asText());

        Http.Response badPhone = admin.json("PUT", "/api/v1/leaders/" + id, Map.of("phone", "123",
                "version", first.json().get("version").asLong()));
        assertEquals(400, badPhone.status());
        assertEquals("phone", badPhone.json().get("field").asText());
        Http.Response badEnum = admin.json("PUT", "/api/v1/leaders/" + id, Map.of("gender", "X", "version", 1));
        assertEquals(400, badEnum.status());
        assertEquals("gender", badEnum.json().get("field").asText());
        Http.Response dup = admin.json("POST", "/api/v1/communities/" + GANGWAN + "/leaders", Map.of(
                "name", "重号", "gender", "MALE", "birthDate", "1975-05-05", "education", "BACHELOR",
                "partyMember", false, "phone", "13700000301", "nomination", "SELF",
                "assignments", List.of(Map.of("role", "UNIT_LEADER", "place", unit))));
        assertEquals(409, dup.status(), dup.body());

        // the public directory shows the leader with a masked phone and nothing more; retiring removes them
        JsonNode directory = http.get("/api/v1/public/leaders?community=" + GANGWAN).json();
        JsonNode mine = null;
        for (JsonNode d : directory) {
            mine = d.get("name").asText().equals("编辑测试二") ? d : mine;
        }
        assertTrue(mine != null, directory.toString());
        assertEquals("137****0301", mine.get("phone").asText());
        assertEquals("楼门长", mine.get("role").asText());
        for (String hidden : List.of("birthDate", "education", "partyMember", "id", "gender")) {
            assertFalse(mine.has(hidden), hidden);
        }
        assertFalse(directory.toString().contains("13700000301"));

        long v = admin.get("/api/v1/leaders/" + id).json().get("version").asLong();
        Http.Response retired = admin.json("POST", "/api/v1/leaders/" + id + "/retire", Map.of("version", v));
        assertEquals(200, retired.status(), retired.body());
        assertEquals("RETIRED", retired.json().get("status").asText());
        assertFalse(http.get("/api/v1/public/leaders?community=" + GANGWAN).body().contains("编辑测试二"));
        assertEquals(400, http.get("/api/v1/public/leaders?community=abc").status());
    }

    @Test
    void aStreetAdminSeesTheirStreetOnlyAndTagsGoToSecretaries() throws Exception {
        Http sg = user("sg-admin", "STREET_ADMIN", SHUANGGANG);
        JsonNode mine = sg.get("/api/v1/leaders?size=200").json();
        assertTrue(mine.get("total").asInt() > 0);
        for (JsonNode l : mine.get("items")) {
            assertEquals(SHUANGGANG, l.get("street").asText(), l.toString());
        }
        assertEquals(404, sg.get("/api/v1/leaders?street=" + SHUANGXIN).status());
        assertEquals(404, sg.get("/api/v1/exports/leaders?street=" + SHUANGXIN).status());
        assertEquals(404, sg.get("/api/v1/reports/leader-profile?street=" + SHUANGXIN).status());
        JsonNode report = sg.get("/api/v1/reports/leader-profile").json();
        for (JsonNode s : report.get("byStreet")) {
            assertEquals(SHUANGGANG, s.get("street").asText());
        }
        Http.Response foreignRow = sg.upload("/api/v1/imports/leaders", (HEADER + "双新街道,新华里社区（演示）,1号楼,"
                + "9单元,楼门长,越权,女,1970-01-01,本科,是,13700000401,自荐\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(422, foreignRow.status());
        assertEquals("street", foreignRow.json().get("rows").get(0).get("column").asText());

        // households: the street admin sees no special-group tags, the community's secretary does
        JsonNode plain = sg.get("/api/v1/households?community=" + GANGWAN + "&size=200").json();
        assertTrue(plain.get("total").asInt() > 0);
        for (JsonNode h : plain.get("items")) {
            assertTrue(h.get("specialGroups").isNull(), h.toString());
        }
        assertEquals(403, sg.get("/api/v1/households?group=LOW_INCOME").status());
        Http secretary = user("sg-secretary", "COMMUNITY_SECRETARY", GANGWAN);
        JsonNode tagged = secretary.get("/api/v1/households?community=" + GANGWAN + "&size=200").json();
        boolean anyTag = false;
        for (JsonNode h : tagged.get("items")) {
            assertTrue(h.get("specialGroups").isArray(), h.toString());
            anyTag |= h.get("specialGroups").size() > 0;
        }
        assertTrue(anyTag, "the demo data tags some households");
        JsonNode alone = secretary.get("/api/v1/households?group=独居老人").json();
        assertTrue(alone.get("total").asInt() > 0);
        assertFalse(http.get("/api/v1/public/leaders?community=" + GANGWAN).body().contains("specialGroups"));
    }

    @Test
    void householdsStaleAndDuplicateRooms() throws Exception {
        Http admin = admin();
        JsonNode h = admin.get("/api/v1/households?community=" + GANGWAN + "&size=1").json().get("items").get(0);
        long id = h.get("id").asLong();
        long version = h.get("version").asLong();
        int members = h.get("members").asInt() % 5 + 1; // a real change, so the version moves
        assertEquals(200, admin.json("PUT", "/api/v1/households/" + id, Map.of("members", members,
                "version", version)).status());
        assertEquals(409, admin.json("PUT", "/api/v1/households/" + id, Map.of("members", 6, "version", version))
                .status());
        Http.Response dup = admin.json("POST", "/api/v1/units/" + h.get("unit").asText() + "/households",
                Map.of("room", h.get("room").asText(), "headName", "同房号", "members", 1));
        assertEquals(409, dup.status(), dup.body());
        Http.Response bad = admin.json("POST", "/api/v1/units/" + h.get("unit").asText() + "/households",
                Map.of("room", "999", "headName", "人数错", "members", 0));
        assertEquals(400, bad.status());
        assertEquals("members", bad.json().get("field").asText());
    }

    @Test
    void buildingsArePlacedInGridsOfTheirCommunity() throws Exception {
        Http admin = admin();
        Http.Response grid = admin.json("POST", "/api/v1/communities/" + GANGWAN + "/grids", Map.of("name", "第一网格"));
        assertTrue(grid.status() == 201 || grid.status() == 409, grid.body());
        JsonNode grids = admin.get("/api/v1/communities/" + GANGWAN + "/grids").json();
        String code = grids.get(0).get("code").asText();
        assertEquals(GANGWAN + "G01", code);
        String building = GANGWAN + "B001";
        Http.Response placed = admin.json("PUT", "/api/v1/buildings/" + building + "/grid", Map.of("grid", code));
        assertEquals(200, placed.status(), placed.body());
        assertEquals(code, placed.json().get("grid").asText());
        Http.Response foreign = admin.json("PUT", "/api/v1/buildings/" + building + "/grid",
                Map.of("grid", XINHUALI + "G01"));
        assertEquals(400, foreign.status());
        assertEquals("grid", foreign.json().get("field").asText());
        Http.Response unit = admin.json("POST", "/api/v1/buildings/" + building + "/units", Map.of("label", "9单元"));
        assertTrue(unit.status() == 201 || unit.status() == 409, unit.body());
        Http.Response empty = admin.json("POST", "/api/v1/communities/" + GANGWAN + "/buildings", Map.of("label", " "));
        assertEquals(400, empty.status());
        assertEquals("label", empty.json().get("field").asText());
    }

    @Test
    void aLeaderBoundToAUnitSeesItsHouseholdsWithTheirTagsAndNothingElse() throws Exception {
        String unit = GANGWAN + "B001U01";
        Http leader = user("unit-leader", "LEADER", unit);
        JsonNode mine = leader.get("/api/v1/households?size=200").json();
        assertTrue(mine.get("total").asInt() > 0, mine.toString());
        for (JsonNode h : mine.get("items")) {
            assertEquals(unit, h.get("unit").asText());
            assertTrue(h.get("specialGroups").isArray(), "the leader makes the care visits: " + h);
        }
        assertEquals(404, leader.get("/api/v1/households?community=" + XINHUALI).status());
        assertEquals(404, leader.get("/api/v1/households?unit=" + GANGWAN + "B002U01").status());
        assertEquals(403, leader.get("/api/v1/leaders").status(), "other leaders' records are not a leader's");
        Http.Response badNode = admin().json("POST", "/api/v1/users", Map.of("username", "nowhere-leader",
                "displayName", "无处", "bindings", List.of(Map.of("role", "LEADER", "node", GANGWAN + "B999U01"))));
        assertEquals(400, badNode.status());
        assertEquals("bindings[0].node", badNode.json().get("field").asText());
    }
}
