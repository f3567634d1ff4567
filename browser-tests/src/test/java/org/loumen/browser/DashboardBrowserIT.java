package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;

/** 首页: the charts render with the demo data's numbers, each scope sees its own figures, numbers link to lists. */
class DashboardBrowserIT extends BrowserTest {

    /** The dashboard as people read it. */
    static final class Dashboard extends ConsolePage {
        Dashboard(Browser b, Platform p) {
            super(b, p);
        }

        String figure(String testid) {
            return b.find(By.cssSelector("[data-testid=" + testid + "] .num")).getText();
        }

        void awaitCharts() {
            b.wait.until(d -> d.findElements(By.cssSelector(".chart[data-rendered=true]")).size() >= 3);
        }

        String table(String testid) {
            return b.find(By.cssSelector("[data-testid=" + testid + "]")).getText();
        }
    }

    static String pct(JsonNode n) {
        return String.format(Locale.ROOT, "%.2f%%", n.asDouble());
    }

    @Test
    void theDistrictSeesTheWholeProfileWithChartsAndTables() throws Exception {
        JsonNode profile = platform.get("admin", "/api/v1/reports/leader-profile?asOf="
                + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
        browser("dashboard-district", Browser.DESKTOP);
        Dashboard d = new Dashboard(b, platform);
        d.signIn("admin");
        d.awaitCharts();
        assertEquals(profile.get("total").asText(), d.figure("stat-total"));
        assertEquals(pct(profile.get("under60Percent")), d.figure("stat-under60"));
        assertEquals(pct(profile.get("collegeOrAbovePercent")), d.figure("stat-college"));
        String table = d.table("table-profile");
        assertTrue(table.contains(profile.get("under60").asText()) && table.contains(pct(profile.get("partyMembersPercent"))),
                table);
        // coverage by street: every street of the demo with its units
        String coverage = d.table("table-coverage");
        for (JsonNode s : profile.get("coverage").get("byStreet")) {
            assertTrue(coverage.contains(s.get("name").asText()), coverage);
        }
        assertTrue(d.table("table-reports").contains("矛盾化解调处员"));
        b.shot("1-district");
        b.assertAccessible("dashboard");
        ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript("window.scrollTo(0, 700)");
        b.shot("2-district-lower");

        ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript("window.scrollTo(0, 0)");
        // a number leads to the list behind it, with the filter in the address
        b.click(By.cssSelector("[data-testid=stat-under60]"));
        b.wait.until(ExpectedConditions.urlContains("#/leaders"));
        assertTrue(b.driver.getCurrentUrl().contains("age=under60"), b.driver.getCurrentUrl());
    }

    @Test
    void aStreetAdminSeesTheirStreetOnlyAndTheCommunitiesWithoutAnEvaluation() throws Exception {
        JsonNode profile = platform.get("shuanggang", "/api/v1/reports/leader-profile?street=120112103&asOf="
                + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
        browser("dashboard-street", Browser.DESKTOP);
        Dashboard d = new Dashboard(b, platform);
        d.signIn("shuanggang");
        d.awaitCharts();
        assertEquals(profile.get("total").asText(), d.figure("stat-total"));
        String coverage = d.table("table-coverage");
        assertTrue(coverage.contains("港湾家园"), coverage);
        assertFalse(coverage.contains("新华里"), coverage); // 双新街道's community
        b.shot("street");
    }

    @Test
    void aSecretarySeesTheirCommunityAndItWorksOnAPhone() throws Exception {
        browser("dashboard-phone", Browser.PHONE);
        Dashboard d = new Dashboard(b, platform);
        d.signIn("gangwan");
        d.awaitCharts();
        JsonNode profile = platform.get("gangwan", "/api/v1/reports/leader-profile?community=120112103001&asOf="
                + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
        assertEquals(profile.get("total").asText(), d.figure("stat-total"));
        b.shot("secretary-phone");
        b.assertAccessible("dashboard on a phone");
    }

    @Test
    void englishChangesTheMenuAndHeadings() throws Exception {
        browser("dashboard-english", Browser.DESKTOP);
        Dashboard d = new Dashboard(b, platform);
        d.signIn("shuanggang");
        d.awaitCharts();
        d.switchLanguage();
        b.wait.until(x -> d.menu().contains("Leaders"));
        for (String item : d.menu()) {
            assertFalse(item.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    "untranslated menu item: " + item);
        }
        for (var h : b.driver.findElements(By.cssSelector("main h2"))) {
            assertFalse(h.getText().codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN), "untranslated heading: " + h.getText());
        }
        b.shot("english");
        d.switchLanguage();
    }
}
