package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Imports written as plain rows (not entities) into places that exist: the places' numbering continues, the ids
 * continue the entities' own, caches see the rows at once, the rows read back, edit and export like any other, and a
 * bad row still keeps nothing.
 */
class ImportIT extends PlatformTest {

    static final String HEADER = "street,community,building,unit,role,name,gender,birth_date,education,party_member,"
            + "phone,nomination\n";
    static final String HOUSEHOLDS = "street,community,building,unit,room,head_name,members,phone,special_groups\n";

    private static int seq(String code, int digits) {
        return Integer.parseInt(code.substring(code.length() - digits));
    }

    private static JsonNode building(JsonNode buildings, String code) {
        for (JsonNode b : buildings) {
            if (b.get("code").asText().equals(code)) {
                return b;
            }
        }
        return null;
    }

    private static String unitLabelled(JsonNode building, String label) {
        for (JsonNode u : building.get("units")) {
            if (u.get("label").asText().equals(label)) {
                return u.get("code").asText();
            }
        }
        return null;
    }

    @Test
    void anImportIntoAKnownCommunityContinuesItsNumberingAndIdsAndIsSeenAtOnce() throws Exception {
        Http admin = admin();
        JsonNode before = admin.get("/api/v1/communities/" + GANGWAN + "/buildings").json();
        JsonNode first = before.get(0);
        String firstCode = first.get("code").asText();
        int lastBuilding = 0;
        for (JsonNode b : before) {
            lastBuilding = Math.max(lastBuilding, seq(b.get("code").asText(), 3));
        }
        int lastUnit = 0;
        for (JsonNode u : first.get("units")) {
            lastUnit = Math.max(lastUnit, seq(u.get("code").asText(), 2));
        }
        // the community's public directory, read (and cached) before the import
        assertFalse(http.get("/api/v1/public/leaders?community=" + GANGWAN).body().contains("导入甲"));

        String csv = HEADER
                + SHUANGGANG + "," + GANGWAN + "," + first.get("label").asText() + ",导入新单元,楼门长,导入甲,女,"
                + "1970-01-01,本科,是,13755500001,自荐\n"
                + SHUANGGANG + "," + GANGWAN + ",导入新楼,,栋长,导入乙,男,1968-02-03,大专,否,13755500002,推荐\n";
        Http.Response r = admin.upload("/api/v1/imports/leaders", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, r.status(), r.body());
        assertEquals(2, r.json().get("imported").asInt());
        assertEquals(0, r.json().get("created").get("communities").asInt());
        assertEquals(1, r.json().get("created").get("buildings").asInt());
        assertEquals(1, r.json().get("created").get("units").asInt());

        // the new unit and building continue the numbering of what the community already had
        JsonNode after = admin.get("/api/v1/communities/" + GANGWAN + "/buildings").json();
        String unit = unitLabelled(building(after, firstCode), "导入新单元");
        assertEquals(firstCode + "U" + String.format("%02d", lastUnit + 1), unit, after.toString());
        String newBuilding = GANGWAN + "B" + String.format("%03d", lastBuilding + 1);
        assertEquals("导入新楼", building(after, newBuilding).get("label").asText());

        // seen at once by the cached public directory, the phone masked
        String directory = http.get("/api/v1/public/leaders?community=" + GANGWAN).body();
        assertTrue(directory.contains("导入甲") && directory.contains("导入乙"), directory);
        assertTrue(directory.contains("137****0001") && !directory.contains("13755500001"), directory);

        // an imported leader reads back whole and edits like any other (its version is the entities' first)
        JsonNode found = admin.get("/api/v1/leaders?q=13755500001").json();
        assertEquals(1, found.get("total").asInt(), found.toString());
        long imported = found.get("items").get(0).get("id").asLong();
        JsonNode leader = admin.get("/api/v1/leaders/" + imported).json();
        assertEquals("导入甲", leader.get("name").asText());
        assertEquals("IN_SERVICE", leader.get("status").asText());
        assertEquals(SHUANGGANG, leader.get("street").asText());
        assertEquals(GANGWAN, leader.get("community").asText());
        assertEquals("1970-01-01", leader.get("birthDate").asText());
        assertEquals(true, leader.get("partyMember").asBoolean());
        assertEquals(unit, leader.get("assignments").get(0).get("unit").asText());
        assertEquals("导入新单元", leader.get("assignments").get(0).get("unitLabel").asText());
        Http.Response edited = admin.json("PUT", "/api/v1/leaders/" + imported, Map.of("name", "导入甲改",
                "version", leader.get("version").asLong()));
        assertEquals(200, edited.status(), edited.body());

        // a leader created afterwards takes an id of its own: the import took its ids from the same generator
        Http.Response created = admin.json("POST", "/api/v1/communities/" + GANGWAN + "/leaders", Map.of(
                "name", "导入后新建", "gender", "FEMALE", "birthDate", "1975-05-05", "education", "BACHELOR",
                "partyMember", true, "phone", "13755500003", "nomination", "SELF",
                "assignments", List.of(Map.of("role", "UNIT_LEADER", "place", unit))));
        assertEquals(201, created.status(), created.body());
        assertNotEquals(imported, created.json().get("id").asLong());
        Http.Response again = admin.upload("/api/v1/imports/leaders", (HEADER + SHUANGGANG + "," + GANGWAN
                + ",导入新楼,导入单元二,楼门长,导入丙,女,1971-01-01,本科,是,13755500004,自荐\n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(200, again.status(), again.body());
        long third = admin.get("/api/v1/leaders?q=13755500004").json().get("items").get(0).get("id").asLong();
        assertNotEquals(created.json().get("id").asLong(), third);

        // the export has them, in the import's columns
        String export = admin.get("/api/v1/exports/leaders?street=" + SHUANGGANG).body();
        assertTrue(export.contains(",导入新单元,楼门长,导入甲改,女,1970-01-01,本科,是,13755500001,自荐"), export);
        assertTrue(export.contains(",导入新楼,,栋长,导入乙,男,1968-02-03,大专,否,13755500002,推荐"), export);

        // households into the new unit, then one created through the API beside them
        String households = HOUSEHOLDS + SHUANGGANG + "," + GANGWAN + "," + first.get("label").asText()
                + ",导入新单元,101,住户甲,3,,\n" + SHUANGGANG + "," + GANGWAN + "," + first.get("label").asText()
                + ",导入新单元,102,住户乙,1,13755500101,\n";
        Http.Response h = admin.upload("/api/v1/imports/households", households);
        assertEquals(200, h.status(), h.body());
        assertEquals(2, h.json().get("imported").asInt());
        Http.Response one = admin.json("POST", "/api/v1/units/" + unit + "/households",
                Map.of("room", "103", "headName", "住户丙", "members", 2));
        assertEquals(201, one.status(), one.body());
        JsonNode listed = admin.get("/api/v1/households?unit=" + unit + "&size=20").json();
        assertEquals(3, listed.get("total").asInt(), listed.toString());
        assertEquals("102", listed.get("items").get(1).get("room").asText());
        assertEquals("13755500101", listed.get("items").get(1).get("phone").asText());
        assertEquals(1, listed.get("items").get(1).get("members").asInt());
    }

    @Test
    void aBadRowAfterGoodOnesKeepsNothingNotEvenTheirPlaces() throws Exception {
        Http admin = admin();
        int buildings = admin.get("/api/v1/communities/" + GANGWAN + "/buildings").json().size();
        long leaders = admin.get("/api/v1/leaders?size=1").json().get("total").asLong();
        String csv = HEADER
                + SHUANGGANG + "," + GANGWAN + ",全无楼,1单元,楼门长,全无一,女,1970-01-01,本科,是,13755500201,自荐\n"
                + SHUANGGANG + "," + GANGWAN + ",全无楼,2单元,楼门长,全无二,女,1970-01-01,本科,是,13900000000,自荐\n";
        Http.Response r = admin.upload("/api/v1/imports/leaders", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(422, r.status(), r.body());
        JsonNode row = r.json().get("rows").get(0);
        assertEquals(3, row.get("row").asInt(), r.body());
        assertEquals("phone", row.get("column").asText());
        assertEquals(buildings, admin.get("/api/v1/communities/" + GANGWAN + "/buildings").json().size(),
                "no building created");
        assertEquals(leaders, admin.get("/api/v1/leaders?size=1").json().get("total").asLong(), "no leader written");

        // a household already registered, after a good row that would create a building
        JsonNode known = admin.get("/api/v1/households?community=" + GANGWAN + "&size=1").json().get("items").get(0);
        String households = HOUSEHOLDS + SHUANGGANG + "," + GANGWAN + ",全无楼,1单元,101,住户,2,,\n"
                + SHUANGGANG + "," + GANGWAN + "," + known.get("buildingLabel").asText() + ","
                + known.get("unitLabel").asText() + "," + known.get("room").asText() + ",同房,2,,\n";
        Http.Response h = admin.upload("/api/v1/imports/households", households);
        assertEquals(422, h.status(), h.body());
        assertEquals(3, h.json().get("rows").get(0).get("row").asInt(), h.body());
        assertEquals("room", h.json().get("rows").get(0).get("column").asText(), h.body());
        assertEquals(buildings, admin.get("/api/v1/communities/" + GANGWAN + "/buildings").json().size());
    }
}
