package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** 关怀走访: the secretary sees the plans of the tagged households and records a visit; the street sees counts only. */
class CareBrowserIT extends WorkBase {

    @Test
    void theSecretarySeesPlansAndRecordsAVisit() throws Exception {
        JsonNode plans = platform.get("gangwan", "/api/v1/care/plans");
        assertEquals(6, plans.size(), plans.toString());
        long household = plans.get(0).get("household").asLong();
        String address = plans.get(0).get("address").asText();
        Browser b = browser("care", Browser.DESKTOP);
        CarePage care = new CarePage(b, platform);
        care.signIn("gangwan");
        care.openCare();
        List<String> rows = care.plans();
        assertEquals(6, rows.size(), rows.toString());
        String all = String.join("\n", rows);
        for (String group : List.of("残疾人", "空巢老人", "困境儿童", "低保", "独居老人")) {
            assertTrue(all.contains(group), all);
        }
        b.shot("1-plans");
        b.assertAccessible("care plans");

        care.recordVisit(household, "上门看望，身体状况良好");
        assertEquals(1, care.visits().size());
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        b.wait.until(d -> care.plans().stream().anyMatch(r -> r.contains(address) && r.contains(today)));
        assertEquals(today, platform.get("gangwan", "/api/v1/households/" + household + "/visits").get(0)
                .get("visitedOn").asText());
        b.shot("2-visit-recorded");
        b.assertAccessible("visits");
    }

    @Test
    void theStreetAdminSeesCountsOnlyNeverHouseholds() throws Exception {
        Browser b = browser("care-street", Browser.DESKTOP);
        CarePage care = new CarePage(b, platform);
        care.signIn("shuanggang");
        care.openCare();
        List<String> counts = care.counts();
        String gangwan = counts.stream().filter(r -> r.contains("港湾家园")).findFirst()
                .orElseThrow(() -> new AssertionError(counts.toString()));
        assertTrue(gangwan.contains("6"), gangwan);
        String page = b.text();
        // no household, name or tag reaches a street admin's page
        for (JsonNode h : platform.get("gangwan", "/api/v1/households?community=120112103001&size=200").get("items")) {
            assertFalse(page.contains(h.get("headName").asText()), h.get("headName").asText());
        }
        for (String group : List.of("残疾人", "空巢老人", "困境儿童", "低保", "独居老人")) {
            assertFalse(page.contains(group), group);
        }
        b.shot("1-counts");
        b.assertAccessible("care counts");

        Browser phone = browser("care-phone", Browser.PHONE);
        CarePage small = new CarePage(phone, platform);
        small.signIn("gangwan");
        small.openCare();
        phone.shot("2-plans-phone");
        assertAccessiblePhone(phone, "care plans on a phone");
    }
}
