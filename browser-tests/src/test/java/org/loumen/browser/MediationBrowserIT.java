package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 人民调解结对 in the browser, as the people who use it: 双港镇's street admin finds the demo's cases, statistics and
 * overdue list, pairs a new mediator with 港湾家园's leader 白晓梅; on a phone the leader records a dispute found in
 * the screening round (a full name is refused, in words, under the field); on a phone the mediator makes it a case,
 * records a session and the agreement. Accessible; fits a phone's width; no console errors.
 */
class MediationBrowserIT extends BrowserTest {

    static final String GANGWAN = "120112103001";
    static final String MD = "/api/v1/streets/" + MediationPage.STREET + "/programmes/mediation";
    static final String MEDIATOR = "md-browser-zhao";
    static final String OWN = "Tiaojie#2026-Zhao";

    @Test
    void theStreetPairsTheLeaderScreensAndTheMediatorSettles() throws Exception {
        // an account made a mediator of 港湾家园 (账号 page's work, done through the API here) and an open round
        JsonNode created = platform.post("admin", "/api/v1/users", Map.of("username", MEDIATOR, "displayName",
                "赵调解", "bindings", List.of(Map.of("role", "LEADER", "node", GANGWAN))), 201);
        platform.post("shuanggang", "/api/v1/programme-roles/grants", Map.of("username", MEDIATOR, "programme",
                "mediation", "role", "MEDIATOR", "node", GANGWAN), 201);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        platform.post("shuanggang", MD + "/rounds", Map.of("community", GANGWAN, "title", "港湾家园本周排查",
                "startsOn", today.toString(), "endsOn", today.plusDays(7).toString()), 201);

        // the street: the demo's cases, overdue list and statistics; pairs 赵调解 with 白晓梅
        browser("mediation-street", Browser.DESKTOP);
        MediationPage street = new MediationPage(b, platform);
        street.signIn("shuanggang");
        street.openPage();
        street.waitInPage("楼上卫生间渗水");
        assertTrue(street.section("md-stats-h").contains("结案天数中位数"), street.section("md-stats-h"));
        assertTrue(street.section("md-overdue-h").contains("已逾期"));
        b.shot("1-street");
        b.assertAccessible("mediation, the street");
        street.pair(GANGWAN, MEDIATOR, "白晓梅", "赵调解");
        b.wait.until(d -> street.section("md-pairings-h").contains("赵调解"));
        street.scrollTo("md-pairings-h");
        b.shot("2-paired");
        JsonNode pairings = platform.get("shuanggang", MD + "/pairings?active=true");
        assertTrue(pairings.toString().contains(MEDIATOR), pairings.toString());

        // the leader, on a phone: a full name is refused in words; a description is recorded
        browser("mediation-leader", Browser.PHONE);
        MediationPage leader = new MediationPage(b, platform);
        leader.signInAnyone("13900000005");
        leader.openPage();
        leader.waitInPage("赵调解");
        leader.recordDispute("港湾家园本周排查", "NEIGHBOURS", "MEDIUM", "张伟与李娜", "楼上装修噪音，晚上十点后仍在施工");
        leader.waitInPage("请不要写当事人姓名");
        b.shot("3-leader-name-refused");
        leader.type("md-parties", "2单元602住户与502住户");
        leader.press("md-record");
        b.wait.until(d -> !d.findElements(By.cssSelector("[data-testid=md-disputes]")).isEmpty()
                && d.findElement(By.cssSelector("[data-testid=md-disputes]")).getText().contains("晚上十点"));
        b.shot("4-leader-recorded");
        b.assertAccessible("mediation, a paired leader");
        assertEquals(0, leader.horizontalOverflow(), "fits a phone");

        // the mediator, on a phone: makes it a case, records a session, then the agreement
        browser("mediation-mediator", Browser.PHONE);
        MediationPage mediator = new MediationPage(b, platform);
        mediator.signInNew(MEDIATOR, created.get("temporaryPassword").asText(), OWN);
        mediator.openPage();
        mediator.waitInPage("矛盾纠纷案件");
        mediator.choose("md-round", "港湾家园本周排查");
        mediator.pressFirst("md-to-case-");
        b.wait.until(d -> mediator.caseStatus().contains("已受理"));
        b.shot("5-mediator-case");
        mediator.step("SESSION", "md-attendees", "双方当事人、楼门栋长、调解员", "md-notes", "约定晚上八点后不施工");
        b.wait.until(d -> mediator.caseStatus().contains("调解中") && mediator.caseStatus().contains("约定晚上八点后不施工"));
        mediator.step("AGREE", "md-terms", "装修仅在工作日8时至18时进行");
        String asked = mediator.confirm();
        assertTrue(asked.contains("只能再回访和归档"), asked);
        // settled: the next step offered is the follow-up visit
        b.wait.until(d -> !d.findElements(By.cssSelector("[data-testid=md-step-FOLLOW_UP]")).isEmpty());
        assertTrue(mediator.caseStatus().contains("协议内容"), mediator.caseStatus());
        mediator.scrollTo("md-case-h");
        b.shot("6-mediator-agreed");
        b.assertAccessible("mediation, a mediator's case");
        assertEquals(0, mediator.horizontalOverflow(), "fits a phone");
        JsonNode agreed = platform.get("shuanggang", MD + "/cases?status=AGREED");
        assertTrue(agreed.toString().contains("装修仅在工作日8时至18时进行"), agreed.toString());
    }
}
