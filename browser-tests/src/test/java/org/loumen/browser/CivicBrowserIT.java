package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Projects with priority support, a unit consultation and the street's pages, with --demo: 双新街道's demo leader
 * 龚永红 (awarded for last year) proposes a project on a phone; the street admin reviews with awarded leaders' projects
 * first; the leader records an answer at the door and a resident answers with the household's code.
 */
class CivicBrowserIT extends WorkBase {

    static final String AWARDED = "13900000028";
    static final String UNIT = "120112001001B001U01";

    @Test
    void aLeaderProposesOnAPhoneAndTheStreetReviewsAwardedLeadersProjectsFirst() throws Exception {
        Browser phone = browser("civic-leader", Browser.PHONE);
        WorkspacePage ws = new WorkspacePage(phone, platform);
        ws.signInLeader(AWARDED);
        ws.section("projects");
        CivicPage leader = new CivicPage(phone, platform);
        leader.propose("UNIT_IMPROVEMENT", "楼门口无障碍坡道", "5600", "楼门口三级台阶，轮椅和推车进出困难，拟修建无障碍坡道。");
        String mine = leader.myProjects().stream().filter(p -> p.contains("楼门口无障碍坡道")).findFirst().orElseThrow();
        assertTrue(mine.contains("优先") && mine.contains("待社区审核"), mine);
        phone.shot("1-proposed");
        phone.assertAccessible("project proposal");

        JsonNode before = platform.get("shuangxin", "/api/v1/projects/stats?street=120112001");
        Browser desk = browser("civic-street", Browser.DESKTOP);
        CivicPage street = new CivicPage(desk, platform);
        street.signIn("shuangxin");
        street.goAndSettle("/projects");
        List<String> queue = street.queue();
        int mark = indexOf(queue, "楼门口无障碍坡道");
        int awardedForwarded = indexOf(queue, "1号楼1单元楼道声控照明改造");
        int plainForwarded = indexOf(queue, "1号楼2单元楼门口加装助老扶手");
        assertTrue(mark >= 0 && awardedForwarded >= 0 && plainForwarded >= 0, queue.toString());
        assertTrue(mark < plainForwarded && awardedForwarded < plainForwarded,
                "awarded leaders' projects first, though the plain one is older: " + queue);
        assertTrue(queue.get(0).contains("优先"), queue.get(0));
        desk.shot("2-queue");
        desk.assertAccessible("review queue");
        street.streetApprove("1号楼1单元楼道声控照明改造", "3000");
        desk.shot("3-approved");
        JsonNode after = platform.get("shuangxin", "/api/v1/projects/stats?street=120112001");
        assertEquals(before.get("approvedFromAwarded").asInt() + 1, after.get("approvedFromAwarded").asInt());
        street.waitText("project-report", String.valueOf(after.get("approved").asInt()));

        // the street's other pages and the figures on its dashboard
        street.goAndSettle("/campaigns");
        desk.click(By.cssSelector("[data-testid='campaign-open']"));
        street.waitText("campaign-totals", "次活动");
        desk.shot("4-campaign");
        desk.assertAccessible("campaign");
        street.goAndSettle("/committees");
        assertTrue(street.rows("reserve").stream().anyMatch(r -> r.contains("评优入库")),
                street.rows("reserve").toString());
        desk.shot("5-reserve");
        desk.assertAccessible("reserve");
        street.go("/");
        desk.wait.until(d -> !d.findElements(By.cssSelector("[data-testid='table-civic']")).isEmpty());
        Thread.sleep(1500); // the charts above it are still being drawn
        ((org.openqa.selenium.JavascriptExecutor) desk.driver).executeScript(
                "document.getElementById('card-civic').scrollIntoView({behavior: 'instant', block: 'start'})");
        desk.shot("6-dashboard");
        String civic = desk.driver.findElement(By.cssSelector("[data-testid='table-civic']")).getText();
        assertTrue(civic.contains("待审核项目") && civic.contains("楼门议事"), civic);
        assertEquals(after.get("approved").asText() + "（" + after.get("approvedFromAwarded").asText() + "）",
                desk.driver.findElement(By.cssSelector("[data-testid='stat-projects']")).getText());
    }

    @Test
    void aConsultationIsAnsweredAtTheDoorAndWithAHouseholdCode() throws Exception {
        long id = -1;
        for (JsonNode c : platform.get("shuangxin", "/api/v1/consultations?community=120112001001")) {
            id = c.get("place").asText().equals(UNIT) && c.get("open").asBoolean() ? c.get("id").asLong() : id;
        }
        assertTrue(id > 0, "the demo consultation of 新华里 1号楼1单元");
        int answered = platform.get("shuangxin", "/api/v1/consultations/" + id).get("answered").asInt();

        Browser phone = browser("civic-door", Browser.PHONE);
        WorkspacePage ws = new WorkspacePage(phone, platform);
        ws.signInLeader(AWARDED);
        ws.section("consult");
        new CivicPage(phone, platform).answerAtDoor(id, 1);
        phone.shot("1-door");
        phone.assertAccessible("door-to-door answer");
        assertEquals(answered + 1, platform.get("shuangxin", "/api/v1/consultations/" + id).get("answered").asInt());

        String code = null;
        for (JsonNode k : platform.get("shuangxin", "/api/v1/consultations/" + id + "/codes")) {
            code = !k.get("used").asBoolean() ? k.get("code").asText() : code;
        }
        assertTrue(code != null, "a household still to answer");
        Browser resident = browser("civic-resident", Browser.PHONE);
        resident.driver.get(platform.base() + "/u/" + UNIT);
        CivicPage unit = new CivicPage(resident, platform);
        unit.answerWithCode(code.toLowerCase(), 0);
        resident.shot("2-answered-by-code");
        resident.assertAccessible("unit consultation");
        JsonNode results = platform.get("shuangxin", "/api/v1/consultations/" + id + "/results");
        assertEquals(answered + 2, results.get("answered").asInt());
        assertEquals(1, results.get("byCode").asInt());
        resident.driver.navigate().refresh();
        unit.waitText("unit-consultations", (answered + 2) + " / ");
        Thread.sleep(1000); // the unit page's other parts are still coming in above it
        ((org.openqa.selenium.JavascriptExecutor) resident.driver).executeScript(
                "document.querySelector(\"[data-testid='unit-consultations']\")"
                        + ".scrollIntoView({behavior: 'instant', block: 'start'})");
        resident.shot("3-results");

        Browser desk = browser("civic-community", Browser.DESKTOP);
        CivicPage staff = new CivicPage(desk, platform);
        staff.signIn("shuangxin");
        staff.goAndSettle("/consultations");
        desk.click(By.cssSelector("[data-testid='consultation-open']"));
        staff.waitText("consultation-answered", "已回答");
        desk.shot("4-consultation");
        desk.assertAccessible("consultation");
    }

    private static int indexOf(List<String> rows, String text) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
