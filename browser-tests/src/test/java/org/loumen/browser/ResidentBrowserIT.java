package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The resident pages, reached as residents reach them: by scanning the QR code of a printed unit door poster or ballot
 * sheet (read back from the printed page's pixels with ZXing), on a phone, without an account.
 */
class ResidentBrowserIT extends WorkBase {

    static final String GANGWAN = "120112103001";

    /** A unit of 港湾家园 with a unit leader in service. */
    static String unitWithLeader() throws Exception {
        for (JsonNode l : platform.get("gangwan", "/api/v1/leaders?community=" + GANGWAN + "&status=IN_SERVICE&size=200")
                .get("items")) {
            for (JsonNode a : l.path("assignments")) {
                if (a.hasNonNull("unit") && !a.hasNonNull("end") && "UNIT_LEADER".equals(a.path("role").asText())) {
                    return a.get("unit").asText();
                }
            }
        }
        throw new AssertionError("no unit leader in 港湾家园");
    }

    @Test
    void aResidentScansTheDoorPosterReportsAProblemAndChecksItsStatus() throws Exception {
        String unit = unitWithLeader();
        Browser desk = browser("poster", Browser.DESKTOP);
        WorkPage console = new WorkPage(desk, platform);
        console.signIn("gangwan");
        console.open("/print/poster/" + unit);
        WebElement qr = desk.find(By.cssSelector("[data-testid='poster'] svg.qr"));
        String url = Qr.read(desk.driver, qr);
        assertEquals(platform.base() + "/u/" + unit, url);
        assertTrue(desk.text().contains(url), "the address is printed under the QR code");
        assertTrue(qr.getSize().width >= 76, "at least 2 cm on the screen at 96 dpi: " + qr.getSize());
        desk.shot("1-poster");
        desk.assertAccessible("poster preview");

        Browser phone = browser("resident-unit", Browser.PHONE);
        ResidentPage resident = new ResidentPage(phone);
        resident.open(url);
        assertTrue(resident.unitTitle().contains("港湾家园"), resident.unitTitle());
        assertTrue(resident.leaders().contains("楼门长"), resident.leaders());
        assertTrue(phone.driver.findElements(By.cssSelector("#sidenav, script[src$='/js/main.js']")).isEmpty(),
                "the resident shell loads no console");
        phone.shot("2-unit");
        phone.assertAccessible("unit page");
        String number = resident.report("单元门禁坏了，晚上关不上", "13912345678");
        assertTrue(number.matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"), number);
        phone.shot("3-filed");
        assertTrue(resident.checkStatus(number).contains("已收到"));
        phone.shot("4-status");
        phone.assertAccessible("status of a report");

        // the secretary sees who can be called back; the report was spam after all
        JsonNode list = platform.get("gangwan", "/api/v1/reports?community=" + GANGWAN + "&size=200");
        JsonNode filed = null;
        for (JsonNode r : list.get("items")) {
            if (number.equals(r.path("number").asText())) {
                filed = r;
            }
        }
        assertTrue(filed != null, "the resident's report is in the community's list");
        assertEquals("RESIDENT", filed.get("reporterKind").asText());
        ReportPage staff = new ReportPage(desk, platform);
        staff.open(filed.get("id").asLong());
        assertTrue(staff.textOf("report-resident-phone").contains("13912345678"));
        staff.click("report-spam");
        assertTrue(staff.confirm().contains("无效"));
        staff.waitText("report-state", "无效信息");
        desk.shot("5-spam");
        assertTrue(resident.checkStatus(number).contains("已关闭"));
    }

    @Test
    void aResidentVotesWithTheCodeOfAPrintedBallotSheetAndAUsedCodeIsRefusedInWords() throws Exception {
        String period = platform.get("gangwan", "/api/v1/evaluations/periods/current").get("period").asText();
        long evaluation = platform.post("gangwan", "/api/v1/evaluations", Map.of("community", GANGWAN, "period", period),
                201).get("id").asLong();
        Browser desk = browser("ballots", Browser.DESKTOP);
        WorkPage console = new WorkPage(desk, platform);
        console.signIn("gangwan");
        console.open("/print/ballots/" + evaluation);
        List<WebElement> sheets = desk.wait.until(d -> {
            List<WebElement> s = d.findElements(By.cssSelector("[data-testid='ballot-sheet']"));
            return s.isEmpty() ? null : s;
        });
        assertEquals(platform.get("gangwan", "/api/v1/evaluations/" + evaluation + "/ballot-sheets").size(), sheets.size());
        WebElement sheet = sheets.get(0);
        String code = sheet.getAttribute("data-code");
        String url = Qr.read(desk.driver, sheet.findElement(By.cssSelector("svg.qr")));
        assertEquals(platform.base() + "/v#" + code, url);
        assertTrue(sheet.getText().contains(code) && sheet.getText().contains("怎样评议"));
        desk.shot("1-ballot-sheets");
        desk.assertAccessible("ballot sheets");

        Browser phone = browser("resident-vote", Browser.PHONE);
        ResidentPage resident = new ResidentPage(phone);
        resident.open(url);
        int leaders = resident.leadersToRate().size();
        assertTrue(leaders >= 1);
        assertFalse(phone.driver.getCurrentUrl().contains(code), "the code leaves the address bar");
        phone.shot("2-rate");
        phone.assertAccessible("rating");
        resident.rateAll("SATISFIED");
        assertTrue(resident.summary().contains("满意"));
        phone.shot("3-confirm");
        assertTrue(resident.send().contains("谢谢"));
        phone.shot("4-done");
        phone.assertAccessible("vote done");
        assertEquals(1, platform.get("gangwan", "/api/v1/evaluations/" + evaluation).path("ballots").asInt(1));

        // the same sheet again: refused in words
        resident.open(platform.base() + "/d");
        resident.open(url);
        assertTrue(resident.codeRefusal().contains("已经用过"), resident.codeRefusal());
        phone.shot("5-used");
        // an unknown code
        resident.typeCode("ZZZZ-ZZZZ-ZZZZ");
        phone.wait.until(d -> resident.codeRefusal().contains("没有找到"));
        phone.assertAccessible("refused code");
    }
}
