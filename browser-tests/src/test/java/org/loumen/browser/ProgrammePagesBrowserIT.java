package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.Character.UnicodeScript;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The shipped programmes' own pages, loaded from their bundles, used by 双港镇's street admin as they would (the
 * mediation page's own story is MediationBrowserIT): open a smartphone course, enrol elders (one too young,
 * one too many) and record a completion. On a desktop and on a phone; accessible; no console errors.
 */
class ProgrammePagesBrowserIT extends BrowserTest {

    static final String SHUANGGANG = "120112103";
    static final String GANGWAN = "120112103001";
    static final String MEDIATION = "/api/v1/streets/" + SHUANGGANG + "/programmes/mediation";
    static final String TRAINING = "/api/v1/streets/" + SHUANGGANG + "/programmes/elder-smartphone-training";

    @BeforeAll
    static void settleAccounts() throws Exception {
        for (String id : List.of("mediation", "elder-smartphone-training")) {
            platform.put("shuanggang", "/api/v1/streets/" + SHUANGGANG + "/programmes/" + id, Map.of("enabled", true),
                    200);
        }
    }

    /** A programme's page in the console: its form fields by test id. */
    static final class ProgrammePage extends ConsolePage {
        ProgrammePage(Browser b, Platform p) {
            super(b, p);
        }

        ProgrammePage openProgramme(String id) {
            waitForMenu();
            b.wait.until(d -> hasProgrammeInMenu(id));
            By link = By.cssSelector("#sidenav [data-programme='" + id + "']");
            List<WebElement> toggle = b.driver.findElements(By.cssSelector(".menu-toggle"));
            if (!toggle.isEmpty() && toggle.get(0).isDisplayed()) {
                // on a phone the menu slides in: wait until it is in place before touching an entry
                if ("false".equals(toggle.get(0).getAttribute("aria-expanded"))) {
                    toggle.get(0).click();
                }
                b.wait.until(d -> d.findElement(link).isDisplayed() && d.findElement(link).getRect().getX() >= 0);
            }
            // the menu may still be settling (entries load after sign-in)
            tap(link);
            b.find(By.cssSelector("[data-testid=" + id + "-page]"));
            return this;
        }

        WebElement field(String testid) {
            return b.find(By.cssSelector("[data-testid=" + testid + "]"));
        }

        /** Replaces what the field holds with the text, as a person selecting it all and typing would. */
        void type(String testid, String text) {
            WebElement e = field(testid);
            e.sendKeys(Keys.chord(Keys.CONTROL, "a"));
            e.sendKeys(Keys.DELETE);
            e.sendKeys(text);
        }

        Select select(String testid) {
            return new Select(field(testid));
        }

        void press(String testid) {
            tap(By.cssSelector("[data-testid=" + testid + "]"));
        }

        /** Presses the first button whose test id starts with the prefix (a row's button). */
        void pressFirst(String prefix) {
            tap(By.cssSelector("[data-testid^='" + prefix + "']"));
        }

        /**
         * Scrolls the element into view and clicks it, as a person waits for what covers it to go: a toast in the
         * corner (they leave after 4 s), a menu still settling.
         */
        void tap(By by) {
            b.click(by);
        }

        void scrollTo(WebElement e) {
            ((JavascriptExecutor) b.driver).executeScript("arguments[0].scrollIntoView({block:'center'})", e);
        }

        /** Waits until the page (the programme's frame) shows the words. */
        void waitInPage(String text) {
            b.wait.until(d -> d.findElement(By.cssSelector("[data-testid=programme-frame]")).getText().contains(text));
        }
    }

    @Test
    void aCommunityRunsACourseEnrolsEldersAndRecordsCompletion() throws Exception {
        browser("training", Browser.DESKTOP);
        ProgrammePage page = new ProgrammePage(b, platform);
        page.signIn("shuanggang");
        page.openProgramme("elder-smartphone-training");
        assertEquals("老年人智能手机培训", page.heading());
        page.waitInPage("还没有培训班");

        // a course of 港湾家园 with two places, teaching two skills
        page.select("et-community").selectByValue(GANGWAN);
        page.type("et-title", "手机支付与防诈骗入门");
        page.press("et-skill-MOBILE_PAYMENT");
        page.press("et-skill-FRAUD_PREVENTION");
        page.type("et-capacity", "2");
        page.press("add-course");
        page.waitInPage("移动支付、防范电信诈骗");
        b.shot("1-course");
        b.assertAccessible("training page");
        long course = platform.get("shuanggang", TRAINING + "/courses").get(0).get("id").asLong();

        // its trainees: too young is refused in words; an elder of 76 enrols
        page.press("trainees-" + course);
        page.waitInPage("还没有学员报名");
        page.type("et-name", "李大爷");
        page.type("et-birthYear", "1990");
        page.press("enrol");
        page.waitInPage("学员须年满 60 岁");
        page.type("et-birthYear", "1950");
        page.press("enrol");
        b.wait.until(d -> d.findElement(By.cssSelector("[aria-labelledby=et-trainees-h] table")).getText()
                .contains("李大爷"));
        page.waitInPage("1 / 2");

        // meanwhile a leader enrolled someone else: the last place is gone, and the page says so in words
        platform.post("shuanggang", TRAINING + "/courses/" + course + "/trainees", Map.of("name", "张奶奶",
                "birthYear", 1948), 201);
        page.type("et-name", "王奶奶");
        page.type("et-birthYear", "1952");
        page.press("enrol");
        page.waitInPage("已满员（2 人），不能再报名");
        page.waitInPage("本班名额已满");
        page.scrollTo(b.find(By.cssSelector("[data-testid=et-enrol-form]")));
        b.shot("2-full");
        b.assertAccessible("a full course");

        // 李大爷 completes the course today
        page.pressFirst("complete-");
        b.wait.until(d -> d.findElement(By.cssSelector("[aria-labelledby=et-trainees-h] table")).getText()
                .contains("已结业"));
        page.scrollTo(b.find(By.cssSelector("[aria-labelledby=et-trainees-h]")));
        b.shot("3-completed");
        JsonNode listed = platform.get("shuanggang", TRAINING + "/courses").get(0);
        assertEquals(2, listed.get("enrolled").asInt(), listed.toString());
        assertEquals(1, listed.get("completed").asInt(), listed.toString());
    }

    @Test
    void onAPhoneBothPagesFitAndWork() throws Exception {
        browser("programme-pages-phone", Browser.PHONE);
        ProgrammePage page = new ProgrammePage(b, platform);
        page.signIn("shuanggang");
        page.openProgramme("mediation");
        page.waitInPage("矛盾纠纷案件");
        b.find(By.cssSelector("[data-testid=md-community]"));
        b.shot("mediation");
        b.assertAccessible("mediation on a phone");
        assertFitsWidth();

        page.openProgramme("elder-smartphone-training");
        page.waitInPage("开设培训班");
        b.shot("training");
        page.scrollTo(b.find(By.cssSelector("[data-testid=et-skill-FRAUD_PREVENTION]")));
        b.shot("training-form");
        b.assertAccessible("training on a phone");
        assertFitsWidth();

        // in English, every word of the page's own (labels, headings, buttons, column heads) is English
        page.switchLanguage();
        page.waitInPage("Add a course");
        assertNoChineseInThePagesOwnWords();
        b.shot("training-en");
        page.openProgramme("mediation");
        page.waitInPage("Dispute cases");
        assertNoChineseInThePagesOwnWords();
        b.shot("mediation-en");
    }

    /** The page's labels, legends, headings, buttons, column heads and hints (data, such as place names, aside). */
    private void assertNoChineseInThePagesOwnWords() {
        // read in one step: the page may re-render between a lookup and a read
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) ((JavascriptExecutor) b.driver).executeScript("return [...document"
                + ".querySelectorAll('[data-testid=programme-frame] :is(label, legend, h2, h3, th, button, .form-text, "
                + ".empty-state)')].map(e => e.textContent);");
        List<String> chinese = texts.stream()
                .filter(t -> t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == UnicodeScript.HAN))
                .toList();
        assertEquals(List.of(), chinese, "untranslated words");
    }

    /** Nothing sticks out to the side: the page does not scroll sideways (tables scroll inside their own box). */
    private void assertFitsWidth() {
        Object overflow = ((JavascriptExecutor) b.driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, ((Number) overflow).longValue(), "horizontal overflow in px");
    }
}
