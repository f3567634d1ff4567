package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 楼门议事户码通知单: 港湾家园's secretary opens a consultation for a building and prints one slip per household, four
 * to an A4 page, each with the household code and a QR code; a resident scans one (decoded here from the page's
 * pixels) on a phone, which opens the unit page with the code filled in, and answers with it.
 */
class ConsultationSlipsBrowserIT extends WorkBase {

    static final String GANGWAN = "120112103001";

    @Test
    void theSecretaryPrintsCodeSlipsAndAResidentAnswersByScanningOne() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long id = -1;
        for (JsonNode building : platform.get("gangwan", "/api/v1/communities/" + GANGWAN + "/buildings")) {
            try {
                id = platform.post("gangwan", "/api/v1/communities/" + GANGWAN + "/consultations", Map.of("place",
                        building.get("code").asText(), "question", "楼前空地改建为非机动车充电棚，您是否同意？", "kind",
                        "OPTIONS", "options", List.of("同意", "不同意", "无所谓"), "closesOn", today.plusDays(10)
                                .toString()), 201).get("id").asLong();
                break;
            } catch (AssertionError noHouseholds) {
                // a building with no households registered: try the next
            }
        }
        assertTrue(id > 0, "a building of 港湾家园 with households");
        JsonNode codes = platform.get("gangwan", "/api/v1/consultations/" + id + "/codes");

        Browser desk = browser("consultation-slips", Browser.DESKTOP);
        WorkPage console = new WorkPage(desk, platform);
        console.signIn("gangwan");
        console.open("/consultations?id=" + id);
        console.waitText("consultation-detail", "非机动车充电棚");
        console.click("print-consultation-slips");
        List<WebElement> slips = desk.wait.until(d -> {
            List<WebElement> s = d.findElements(By.cssSelector("[data-testid='consultation-slip']"));
            return s.isEmpty() ? null : s;
        });
        assertEquals(codes.size(), slips.size(), "one slip per household still to answer");
        assertEquals((codes.size() + 3) / 4, desk.driver.findElements(By.cssSelector("[data-testid=sheets] .sheet"))
                .size(), "four slips to an A4 page");
        WebElement slip = slips.get(0);
        String code = slip.getAttribute("data-code");
        String unit = null;
        for (JsonNode k : codes) {
            unit = k.get("code").asText().equals(code) ? k.get("unit").asText() : unit;
        }
        String url = Qr.read(desk.driver, slip.findElement(By.cssSelector("svg.qr")));
        assertEquals(platform.base() + "/u/" + unit + "#" + code, url);
        assertTrue(slip.getText().contains(code) && slip.getText().contains("非机动车充电棚")
                && slip.getText().contains("楼门议事"), slip.getText());
        desk.shot("1-slips");
        desk.assertAccessible("consultation slips");

        Browser phone = browser("consultation-scan", Browser.PHONE);
        phone.driver.get(url);
        CivicPage resident = new CivicPage(phone, platform);
        resident.el("consultation-answer-form");
        assertFalse(phone.driver.getCurrentUrl().contains(code), "the code leaves the address bar");
        assertTrue(resident.textOf("unit-consultations").contains("非机动车充电棚"));
        phone.shot("2-scanned");
        phone.assertAccessible("consultation opened from a slip");
        Forms.press(phone, By.cssSelector("label[for='cq-0']"));
        resident.click("consultation-answer-submit");
        resident.el("consultation-thanks");
        phone.shot("3-answered");
        JsonNode results = platform.get("gangwan", "/api/v1/consultations/" + id + "/results");
        assertEquals(1, results.get("byCode").asInt());
        assertEquals(1, results.get("options").get(0).get("count").asInt());

        // a household that answered gets no slip the next time
        desk.driver.navigate().refresh();
        desk.wait.until(d -> d.findElements(By.cssSelector("[data-testid='consultation-slip']")).size()
                == codes.size() - 1);
        assertTrue(desk.driver.findElements(By.cssSelector("[data-testid='consultation-slip'][data-code='" + code
                + "']")).isEmpty());
    }
}
