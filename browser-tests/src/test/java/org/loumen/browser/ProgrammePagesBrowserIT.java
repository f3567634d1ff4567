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
 * The shipped programmes' own pages, loaded from their bundles: on a phone the mediation page fits, works and has
 * no untranslated words in English. Each programme's own story has its own test (MediationBrowserIT,
 * ElderTrainingBrowserIT, MyBuildingBrowserIT, VolunteerBrandsBrowserIT).
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
    void onAPhoneThePageFitsAndWorks() throws Exception {
        browser("programme-pages-phone", Browser.PHONE);
        ProgrammePage page = new ProgrammePage(b, platform);
        page.signIn("shuanggang");
        page.openProgramme("mediation");
        page.waitInPage("矛盾纠纷案件");
        b.find(By.cssSelector("[data-testid=md-community]"));
        b.shot("mediation");
        b.assertAccessible("mediation on a phone");
        assertFitsWidth();

        // in English, every word of the page's own (labels, headings, buttons, column heads) is English
        page.switchLanguage();
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
