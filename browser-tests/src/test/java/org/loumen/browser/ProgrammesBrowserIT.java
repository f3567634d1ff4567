package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 特色项目: a street admin switches a programme on, its page appears in the menu and works; off, and it goes; the
 * district sees every programme's state; a street admin of another street sees nothing of it.
 */
class ProgrammesBrowserIT extends BrowserTest {

    static final String SHUANGGANG = "120112103";
    static final String SHUANGXIN = "120112001";

    /** The 特色项目 page as a street admin uses it. */
    static final class ProgrammesPage extends ConsolePage {
        ProgrammesPage(Browser b, Platform p) {
            super(b, p);
        }

        WebElement switchOf(String id) {
            return b.find(By.cssSelector("[data-testid=switch-" + id + "]"));
        }

        boolean enabled(String id) {
            return switchOf(id).isSelected();
        }

        /** Flips the programme's switch; switching off asks first, and this confirms. */
        void switchProgramme(String id, boolean on) {
            if (enabled(id) == on) {
                return;
            }
            switchOf(id).click();
            // switching off asks first; switching on asks too when the programme reads personal data (shown as
            // an app's permissions)
            b.wait.until(d -> !d.findElements(By.cssSelector("[data-testid=confirm]")).isEmpty()
                    || enabled(id) == on);
            if (!b.driver.findElements(By.cssSelector("[data-testid=confirm]")).isEmpty()) {
                confirm();
            }
            b.wait.until(d -> enabled(id) == on);
        }
    }

    @Test
    void aStreetAdminSwitchesAProgrammeOnAndItsPageAppearsThenOffAndItGoes() throws Exception {
        // 双新街道: --demo enables volunteer-brands for 双港镇 only (its demoStreets), so here it starts switched off
        browser("programmes-street", Browser.DESKTOP);
        ProgrammesPage page = new ProgrammesPage(b, platform);
        page.signIn("shuangxin");
        assertFalse(page.hasProgrammeInMenu("volunteer-brands"));
        page.go("/programmes");
        b.waitForText("志愿服务品牌");
        b.shot("1-list");
        b.assertAccessible("programmes");

        page.switchProgramme("volunteer-brands", true);
        b.wait.until(d -> page.hasProgrammeInMenu("volunteer-brands"));
        b.shot("2-enabled");
        JsonNode listed = platform.get("shuangxin", "/api/v1/streets/" + SHUANGXIN + "/programmes");
        assertTrue(find(listed, "volunteer-brands").get("enabled").asBoolean());

        // the programme's own page, loaded from its bundle, works: add a brand and see it listed
        page.goProgramme("volunteer-brands");
        b.find(By.cssSelector("[data-testid=volunteer-brands-page]"));
        b.waitForText("还没有志愿服务品牌");
        new org.openqa.selenium.support.ui.Select(b.find(By.cssSelector("[data-testid=vb-community]")))
                .selectByValue("120112001001");
        b.wait.until(d -> new org.openqa.selenium.support.ui.Select(d.findElement(By.cssSelector(
                "[data-testid=vb-founder]"))).getOptions().size() > 1);
        new org.openqa.selenium.support.ui.Select(b.find(By.cssSelector("[data-testid=vb-founder]")))
                .selectByIndex(1);
        b.find(By.cssSelector("[data-testid=vb-name]")).sendKeys("新华里志愿服务队");
        b.click(By.cssSelector("[data-testid=vb-add-brand]"));
        b.wait.until(d -> d.findElement(By.cssSelector("[data-testid=vb-brands]")).getText()
                .contains("新华里志愿服务队"));
        b.shot("3-programme-page");
        b.assertAccessible("volunteer brands page");
        assertEquals(1, platform.get("shuangxin", "/api/v1/streets/" + SHUANGXIN
                + "/programmes/volunteer-brands/brands").size());

        page.go("/programmes");
        page.switchProgramme("volunteer-brands", false);
        b.wait.until(d -> !page.hasProgrammeInMenu("volunteer-brands"));
        b.shot("4-disabled");
        // the page itself is gone for the street too
        page.open("/p/" + SHUANGXIN + "/volunteer-brands");
        b.waitForText("未启用");
    }

    @Test
    void anotherStreetNeitherSeesNorReachesIt() throws Exception {
        platform.put("shuanggang", "/api/v1/streets/" + SHUANGGANG + "/programmes/mediation", java.util.Map.of(
                "enabled", true), 200);
        browser("programmes-other-street", Browser.DESKTOP);
        ProgrammesPage page = new ProgrammesPage(b, platform);
        page.signIn("shuangxin");
        page.go("/programmes");
        b.waitForText("人民调解结对");
        assertFalse(page.enabled("mediation"));
        assertFalse(page.hasProgrammeInMenu("mediation"));
        // typed into the address bar: the street is not theirs
        page.open("/p/" + SHUANGGANG + "/mediation");
        b.wait.until(d -> !d.findElements(By.cssSelector(".alert-danger")).isEmpty());
        assertTrue(b.driver.findElements(By.cssSelector("[data-testid=programme-frame] *")).isEmpty());
        b.shot("foreign-street");
    }

    @Test
    void theDistrictSeesEveryProgrammesStateVersionBundleAndStreets() throws Exception {
        platform.put("shuanggang", "/api/v1/streets/" + SHUANGGANG + "/programmes/elder-smartphone-training",
                java.util.Map.of("enabled", true), 200);
        browser("programmes-district", Browser.DESKTOP);
        ConsolePage page = new ConsolePage(b, platform);
        page.signIn("admin");
        page.go("/programmes");
        WebElement table = b.find(By.cssSelector("[data-testid=programmes-all]"));
        b.wait.until(ExpectedConditions.textToBePresentInElement(table, "org.loumen.plugin.elder.smartphone.training"));
        String row = b.find(By.cssSelector("[data-programme-row=elder-smartphone-training]")).getText();
        assertTrue(row.contains("运行中"), row);
        assertTrue(row.contains("双港镇"), row);
        b.shot("all");
        b.assertAccessible("district programmes");
    }

    @Test
    void onAPhoneTheMenuFoldsAndTheSwitchesWork() throws Exception {
        browser("programmes-phone", Browser.PHONE);
        ProgrammesPage page = new ProgrammesPage(b, platform);
        page.signIn("shuanggang");
        page.go("/programmes");
        b.waitForText("老年人智能手机培训");
        b.shot("phone");
        b.assertAccessible("programmes on a phone");
    }

    static JsonNode find(JsonNode list, String id) {
        for (JsonNode n : list) {
            if (id.equals(n.get("id").asText())) {
                return n;
            }
        }
        throw new AssertionError("no " + id + " in " + list);
    }
}
