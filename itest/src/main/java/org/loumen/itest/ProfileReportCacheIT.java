package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The leader profile report is kept in memory between writes (issue 17, city scale) and never answered stale: a leader
 * imported, retired or given a unit shows in the next report at once.
 */
class ProfileReportCacheIT extends PlatformTest {

    static final String HEADER = "street,community,building,unit,role,name,gender,birth_date,education,party_member,"
            + "phone,nomination\n";

    private static JsonNode report(Http admin, String query) throws Exception {
        Http.Response r = admin.get("/api/v1/reports/leader-profile" + query);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    @Test
    void aWriteShowsInTheNextReport() throws Exception {
        Http admin = admin();
        JsonNode before = report(admin, "");
        assertEquals(before, report(admin, ""), "the same report twice");
        int total = before.get("total").asInt();
        int units = before.get("coverage").get("units").get("total").asInt();
        int led = before.get("coverage").get("units").get("withLeader").asInt();
        // an imported leader on a new unit: the unit, its leader and the leader's figures count at once
        Http.Response imported = admin.upload("/api/v1/imports/leaders", (HEADER + "八里台镇,报表缓存社区,1号楼,1单元,"
                + "楼门长,缓存甲,女,1975-03-03,本科,是,13600000771,自荐\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, imported.status(), imported.body());
        JsonNode after = report(admin, "");
        assertEquals(units + 1, after.get("coverage").get("units").get("total").asInt());
        // whether the imported leader serves yet depends on the lifecycle (certified first); the unit counts either way
        int servingNow = after.get("total").asInt();
        int ledNow = after.get("coverage").get("units").get("withLeader").asInt();
        assertEquals(servingNow - total, ledNow - led, after.toString());
        // a street's report beside the district's is its own entry, and agrees with the district's row of the street
        JsonNode street = report(admin, "?street=120112107");
        for (JsonNode s : after.get("byStreet")) {
            if (s.get("street").asText().equals("120112107")) {
                assertEquals(s.get("figures").get("total").asInt(), street.get("total").asInt());
            }
        }
        // a unit added to a place (a write of places): the next report counts it
        long leader = admin.get("/api/v1/leaders?q=" + java.net.URLEncoder.encode("缓存甲", StandardCharsets.UTF_8))
                .json().get("items").get(0).get("id").asLong();
        String community = admin.get("/api/v1/leaders/" + leader).json().get("community").asText();
        Http.Response unit = admin.json("POST", "/api/v1/buildings/" + community + "B001/units",
                Map.of("label", "2单元"));
        if (unit.status() == 201) {
            assertEquals(units + 2, report(admin, "").get("coverage").get("units").get("total").asInt());
        }
    }
}
