package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The leader workspace (楼门栋长工作台) on a phone, as a demo leader of 港湾家园 uses it: files a problem report with a
 * photo, the secretary accepts and resolves it, the leader confirms; records a work-log entry and a care visit; and
 * the secretary bulk-issues the other leaders' accounts and prints their slips.
 */
class LeaderWorkspaceBrowserIT extends WorkBase {

    static final String GANGWAN = "120112103001";

    /** The demo leader account of 港湾家园 (DATA/demo-accounts.txt, role 楼门栋长). */
    static String gangwanLeader() throws Exception {
        for (String user : platform.accountsOf("楼门栋长")) {
            if (platform.get(user, "/api/v1/me/leader").get("community").asText().equals(GANGWAN)) {
                return user;
            }
        }
        throw new AssertionError("no demo leader of 港湾家园 in " + platform.accountsOf("楼门栋长"));
    }

    static Path photo() throws Exception {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 320; x++) {
                img.setRGB(x, y, (x * 255 / 320) << 16 | (y * 255 / 240) << 8 | 0x60);
            }
        }
        Path file = Files.createTempFile("楼道", ".jpg");
        ImageIO.write(img, "jpg", file.toFile());
        return file;
    }

    @Test
    void aLeaderFilesAReportWithAPhotoAndConfirmsItOnceTheSecretaryResolvedIt() throws Exception {
        String leader = gangwanLeader();
        JsonNode me = platform.get(leader, "/api/v1/me/leader");
        String unit = me.get("places").get(0).path("unit").asText(me.get("places").get(0).get("building").asText());

        Browser phone = browser("workspace", Browser.PHONE);
        WorkspacePage ws = new WorkspacePage(phone, platform);
        ws.signInLeader(leader);
        assertTrue(ws.greeting().contains(me.get("name").asText()), ws.greeting());
        assertTrue(phone.driver.findElements(By.cssSelector("#sidenav")).isEmpty(), "a leader sees no staff menu");
        phone.shot("1-home");
        phone.assertAccessible("workspace home");
        ws.largeText();
        assertTrue(fontPx(phone, "[data-testid='ws-greeting']") >= 18, "大字: main text at least 18 px");
        for (WebElement tile : phone.driver.findElements(By.cssSelector(".tile"))) {
            assertTrue(tile.getSize().height >= 60 && tile.getSize().width >= 60, "大字: tap targets at least 60 px");
        }
        phone.shot("2-home-large");
        phone.assertAccessible("workspace home, large text");
        phone.driver.navigate().refresh();
        ws.el("workspace");
        assertTrue(phone.driver.findElement(By.tagName("html")).getAttribute("class").contains("lm-large"),
                "大字 is remembered on the device");

        // a file that is not a photo is refused in the page, in words, before anything is sent
        Path pdf = Files.createTempFile("notice", ".pdf");
        Files.writeString(pdf, "%PDF-1.4 not a photo");
        ws.section("reports");
        assertTrue(ws.photoRefusal(pdf).contains("不是照片"));
        ws.open("/workspace/reports");

        long id = ws.fileReport(unit.contains("U") ? unit : null, "SANITATION_SUPERVISOR", "3楼楼道堆放杂物，影响通行", photo());
        assertTrue(ws.reportState().contains("已上报"), ws.reportState());
        assertEquals(1, ws.photosShown());
        JsonNode filed = platform.get("gangwan", "/api/v1/reports/" + id);
        assertEquals(1, filed.get("photos").asInt());
        assertEquals("LEADER", filed.get("reporterKind").asText());
        phone.shot("3-report-filed");
        phone.assertAccessible("report filed");

        // the secretary takes it up and resolves it in the console
        Browser desk = browser("workspace-secretary", Browser.DESKTOP);
        ReportPage staff = new ReportPage(desk, platform);
        staff.signIn("gangwan");
        staff.open(id).accept().assign("物业 王师傅").resolve("杂物已清走");
        assertTrue(desk.text().contains("楼门栋长"), "staff see who reported it");
        desk.shot("4-secretary-resolved");

        ws.openReport(id);
        ws.waitText("ws-report-state", "请您确认");
        assertTrue(ws.textOf("ws-report-resolution").contains("杂物已清走"));
        phone.shot("5-to-confirm");
        phone.assertAccessible("report to confirm");
        ws.confirmSolved();
        assertEquals("CONFIRMED", platform.get("gangwan", "/api/v1/reports/" + id).get("status").asText());
        phone.shot("6-confirmed");
    }

    @Test
    void aLeaderRecordsAWorkLogEntryAndACareVisit() throws Exception {
        String leader = gangwanLeader();
        Browser phone = browser("worklog", Browser.PHONE);
        WorkspacePage ws = new WorkspacePage(phone, platform);
        ws.signInLeader(leader);
        ws.section("log");
        int before = ws.logTotal();
        ws.addWorkLog("DISPUTE_MEDIATOR", "调解 2 单元 301 与 401 漏水纠纷，双方达成一致");
        assertEquals(before + 1, ws.logTotal());
        assertTrue(ws.logEntries().get(0).contains("漏水纠纷"), ws.logEntries().toString());
        JsonNode summary = platform.get(leader, "/api/v1/me/work-log/summary?year=" + LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());
        assertEquals(before + 1, summary.get("total").asInt());
        ((org.openqa.selenium.JavascriptExecutor) phone.driver).executeScript("window.scrollTo(0, 0)");
        phone.shot("1-log");
        phone.assertAccessible("work log");

        ws.section("care");
        int due = ws.householdsDue();
        phone.shot("2-care");
        phone.assertAccessible("care visits");
        if (due > 0) {
            long household = ws.recordFirstVisit("上门看望，身体状况良好");
            String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
            assertEquals(today, platform.get("gangwan", "/api/v1/households/" + household + "/visits").get(0)
                    .get("visitedOn").asText());
            phone.shot("3-care-recorded");
        } else {
            // no household of this leader's place has a plan in the demo data: the page says so in words
            assertTrue(phone.text().contains("没有需要定期走访的住户"), phone.text());
        }

        // the district sees the duty counts on the dashboard
        JsonNode stats = platform.get("gangwan", "/api/v1/work-log/stats?community=" + GANGWAN);
        assertTrue(stats.get("total").asInt() >= 1, stats.toString());
        Browser desk = browser("worklog-dashboard", Browser.DESKTOP);
        ConsolePage console = new ConsolePage(desk, platform);
        console.signIn("gangwan");
        desk.find(By.cssSelector("[data-testid='table-worklog']"));
        assertTrue(desk.find(By.cssSelector("[data-testid='table-worklog']")).getText().contains("矛盾化解调处员"));
        desk.shot("4-dashboard");
    }

    @Test
    void theSecretaryBulkIssuesLeaderAccountsAndPrintsTheSlips() throws Exception {
        Browser desk = browser("leader-accounts", Browser.DESKTOP);
        WorkPage page = new WorkPage(desk, platform);
        page.signIn("gangwan");
        page.goAndSettle("/leader-accounts");
        desk.shot("1-before");
        desk.assertAccessible("leader accounts");
        page.click("issue-community");
        assertTrue(page.confirm().contains("只显示一次"));
        page.el("issue-result");
        String result = page.textOf("issue-result");
        assertTrue(result.contains("已开通"), result);
        desk.shot("2-issued");
        page.click("print-slips");
        desk.wait.until(ExpectedConditions.urlContains("#/print/slips"));
        List<WebElement> slips = desk.wait.until(d -> {
            List<WebElement> s = d.findElements(By.cssSelector("[data-testid='slip']"));
            return s.isEmpty() ? null : s;
        });
        String username = slips.get(0).findElement(By.cssSelector("[data-testid='slip-username']")).getText();
        String password = slips.get(0).findElement(By.cssSelector("[data-testid='slip-password']")).getText();
        assertTrue(slips.get(0).getText().contains("第一次登录必须修改密码"));
        desk.shot("3-slips");
        desk.assertAccessible("account slips");

        // the slip works: its leader signs in with it and must change the password first
        JsonNode login = platform.anonymous("POST", "/api/v1/auth/login",
                Map.of("username", username, "password", password), 200);
        assertTrue(login.get("user").get("mustChangePassword").asBoolean());
        // a second run issues nothing twice
        JsonNode again = platform.post("gangwan", "/api/v1/communities/" + GANGWAN + "/leader-accounts", Map.of(), 200);
        assertEquals(0, again.get("issued").size());
        // the passwords are shown once: a reload of the preview no longer has them
        desk.driver.navigate().refresh();
        page.el("slips-gone");
        assertFalse(desk.text().contains(password));
    }

    static double fontPx(Browser b, String css) {
        String px = b.find(By.cssSelector(css)).getCssValue("font-size");
        return Double.parseDouble(px.replace("px", ""));
    }
}
