package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Publicity campaigns: run by a street, activities recorded by leaders (in the work log too), totals by scope. */
class CampaignIT extends CivicTest {

    static byte[] png() throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(4, 4,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void aStreetRunsACampaignAndLeadersRecordTheirActivities() throws Exception {
        Http street = sxAdmin();
        String today = today().toString();
        Map<String, Object> body = Map.of("node", SHUANGXIN, "theme", "IT 宪法宣传周", "startsOn",
                today().minusDays(3).toString(), "endsOn", today().plusDays(3).toString(), "materials",
                List.of("宣传折页", "海报"));
        assertRefused(street.json("POST", "/api/v1/campaigns", Map.of("node", "12", "theme", "x", "startsOn", today,
                "endsOn", today)), "node");
        assertRefused(street.json("POST", "/api/v1/campaigns", Map.of("node", SHUANGXIN, "theme", "", "startsOn",
                today, "endsOn", today)), "theme");
        assertRefused(street.json("POST", "/api/v1/campaigns", Map.of("node", SHUANGXIN, "theme", "x", "startsOn",
                today, "endsOn", today().minusDays(1).toString())), "endsOn");
        assertEquals(404, street.json("POST", "/api/v1/campaigns", Map.of("node", SHUANGGANG, "theme", "x",
                "startsOn", today, "endsOn", today)).status(), "another street");
        assertEquals(403, sxSecretary().json("POST", "/api/v1/campaigns", body).status());
        Http.Response created = street.json("POST", "/api/v1/campaigns", body);
        assertEquals(201, created.status(), created.body());
        long id = created.json().get("id").asLong();
        assertTrue(created.json().get("open").asBoolean());
        assertEquals(2, created.json().get("materials").size());

        Http leader = demoLeader(AWARDED);
        JsonNode mine = leader.get("/api/v1/me/campaigns").json();
        assertTrue(mine.toString().contains("IT 宪法宣传周"), mine.toString());
        String record = "/api/v1/me/campaigns/" + id + "/activities";
        assertRefused(leader.json("POST", record, Map.of("day", today().plusDays(1).toString(), "venue", "楼门口",
                "households", 3)), "day");
        assertRefused(leader.json("POST", record, Map.of("day", today().minusDays(5).toString(), "venue", "楼门口",
                "households", 3)), "day");
        assertRefused(leader.json("POST", record, Map.of("day", today, "venue", "楼门口", "households", -1)),
                "households");
        assertRefused(leader.json("POST", record, Map.of("day", today, "venue", " ", "households", 3)), "venue");
        long logBefore = leader.get("/api/v1/me/work-log/summary").json().get("duties").get(0).get("count")
                .asLong();
        Http.Response a = leader.json("POST", record, Map.of("day", today, "venue", "1号楼1单元楼门口", "households", 3,
                "note", "发放折页"));
        assertEquals(201, a.status(), a.body());
        long activity = a.json().get("id").asLong();
        assertEquals(XINHUALI_UNIT, a.json().get("place").asText());
        assertEquals(logBefore + 1, leader.get("/api/v1/me/work-log/summary").json().get("duties").get(0)
                .get("count").asLong(), "counted under 政策法规宣传员");
        Http plain = demoLeader(PLAIN);
        assertEquals(201, plain.json("POST", record, Map.of("day", today, "venue", "1号楼2单元", "households", 2))
                .status());
        Http gangwanLeader = demoLeader("13900000005");
        assertEquals(404, gangwanLeader.json("POST", record, Map.of("day", today, "venue", "x", "households", 1))
                .status(), "a campaign of another street");

        // photos: PNG only of my own activity, at most three
        byte[] png = png();
        assertEquals(201, leader.upload("/api/v1/me/publicity/" + activity + "/photos", "image/png", png).status());
        assertEquals(415, leader.upload("/api/v1/me/publicity/" + activity + "/photos", "image/png",
                "not a png".getBytes()).status());
        assertEquals(404, plain.upload("/api/v1/me/publicity/" + activity + "/photos", "image/png", png).status());
        assertEquals(201, leader.upload("/api/v1/me/publicity/" + activity + "/photos", "image/png", png).status());
        assertEquals(201, leader.upload("/api/v1/me/publicity/" + activity + "/photos", "image/png", png).status());
        assertEquals(409, leader.upload("/api/v1/me/publicity/" + activity + "/photos", "image/png", png).status());
        assertEquals(200, street.get("/api/v1/publicity/" + activity + "/photos/1").status());
        assertEquals(404, sgAdmin().get("/api/v1/publicity/" + activity + "/photos/1").status());

        // totals per street and community, within scope
        JsonNode totals = street.get("/api/v1/campaigns/" + id + "/totals").json();
        assertEquals(2, totals.get("activities").asLong(), totals.toString());
        assertEquals(5, totals.get("households").asLong());
        assertEquals(2, totals.get("leaders").asLong());
        assertEquals(SHUANGXIN, totals.get("streets").get(0).get("code").asText());
        assertEquals(XINHUALI, totals.get("communities").get(0).get("code").asText());
        assertEquals(2, totals.get("communities").get(0).get("activities").asLong());
        assertEquals(5, sxSecretary().get("/api/v1/campaigns/" + id + "/totals").json().get("households").asLong());
        assertEquals(404, sgAdmin().get("/api/v1/campaigns/" + id + "/totals").status());
        assertFalse(sgAdmin().get("/api/v1/campaigns").body().contains("IT 宪法宣传周"));
        JsonNode activities = street.get("/api/v1/campaigns/" + id + "/activities").json();
        assertEquals(2, activities.size());
        assertEquals(3, activities.get(activities.get(0).get("id").asLong() == activity ? 0 : 1).get("photos")
                .asInt());
    }
}
