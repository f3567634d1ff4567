package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 志愿服务品牌 with --demo: 双港镇's street admin finds the demo brands, rejects a report without a reason (the page
 * says why), approves one, prints a member's service-hours certificate (A4, CJK font); on a phone, 港湾家园's demo
 * leader, a member of 爱心妈妈帮帮团, reports hours. Accessible; no console errors.
 */
class VolunteerBrandsBrowserIT extends BrowserTest {

    static final String BASE = "/api/v1/streets/" + VolunteerBrandsPage.STREET + "/programmes/volunteer-brands";

    @Test
    void theStreetApprovesHoursAndPrintsACertificateAndALeaderReportsOnAPhone() throws Exception {
        browser("volunteer-brands", Browser.DESKTOP);
        VolunteerBrandsPage page = new VolunteerBrandsPage(b, platform);
        page.signIn("shuanggang");
        page.openBrands();
        String brands = page.brands();
        assertTrue(brands.contains("爱心妈妈帮帮团") && brands.contains("橄榄绿志愿服务队")
                && brands.contains("青春伴夕阳志愿服务队"), brands);
        assertTrue(brands.contains("黄桂兰"), "the founder by name: " + brands);
        b.shot("1-brands");
        b.assertAccessible("brands");

        page.enterBrand("爱心妈妈帮帮团");
        assertTrue(page.hours().stream().anyMatch(h -> h.contains("帮独居老人取药") && h.contains("待审核")));
        String entry = page.firstToDecide();
        page.reject(entry, null);
        b.waitForText("退回须说明理由");
        b.shot("2-reason-needed");
        b.assertAccessible("hours to approve");
        page.approve(entry);
        b.wait.until(d -> d.findElements(By.cssSelector("[data-testid=vb-approve-" + entry + "]")).isEmpty());
        JsonNode approved = platform.get("shuanggang", BASE + "/hours?status=APPROVED");
        assertTrue(approved.toString().contains("帮独居老人取药"), approved.toString());

        page.tab("members");
        b.waitForText("社区达人");
        b.shot("3-members");
        page.tab("activities");
        b.waitForText("困境儿童周末陪伴");
        b.shot("4-activities");
        page.tab("ranking");
        b.find(By.cssSelector("[data-testid^=vb-cert-]"));
        b.shot("5-ranking");
        b.assertAccessible("ranking");

        page.printFirstCertificate();
        String cert = page.certificate();
        assertTrue(cert.contains("志愿服务时长证明") && cert.contains("爱心妈妈帮帮团") && cert.contains("小时")
                && cert.contains("双港镇"), cert);
        Object font = ((JavascriptExecutor) b.driver).executeScript(
                "return getComputedStyle(document.body).fontFamily");
        assertTrue(String.valueOf(font).contains("Noto Sans CJK SC"), String.valueOf(font));
        Object width = ((JavascriptExecutor) b.driver).executeScript(
                "return document.getElementById('sheet').getBoundingClientRect().width");
        assertEquals(794, Math.round(((Number) width).doubleValue()), "210 mm at 96 dpi");
        b.shot("6-certificate");
        b.assertAccessible("certificate");
        b.click(By.cssSelector("[data-testid=print-back]"));
        b.find(By.cssSelector("[data-testid=volunteer-brands-page], [data-testid=vb-brand-page]"));

        // on a phone: the demo leader of 港湾家园 (a member) reports hours
        String leader = LeaderWorkspaceBrowserIT.gangwanLeader();
        browser("volunteer-brands-phone", Browser.PHONE);
        VolunteerBrandsPage phone = new VolunteerBrandsPage(b, platform);
        new WorkspacePage(b, platform).signInLeader(leader); // a leader lands on the workspace
        phone.openBrands();
        b.shot("7-phone-brands");
        phone.enterBrand("爱心妈妈帮帮团");
        phone.tab("hours");
        String yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        phone.report(yesterday, "1.5", "给独居老人送菜");
        b.wait.until(d -> phone.hours().stream().anyMatch(h -> h.contains("给独居老人送菜") && h.contains("待审核")));
        b.shot("8-phone-reported");
        b.assertAccessible("reporting hours on a phone");
        int width390 = ((Number) ((JavascriptExecutor) b.driver).executeScript(
                "return document.documentElement.scrollWidth")).intValue();
        assertTrue(width390 <= 390, "one column, no sideways scrolling: " + width390);
    }
}
