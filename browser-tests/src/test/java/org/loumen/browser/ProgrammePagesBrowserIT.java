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
 * The shipped programmes' own pages, loaded from their bundles, used by 双港镇's street admin as they would: pair a
 * mediator with a leader, open a dispute case and close it. On a desktop and on a phone; accessible; no console errors.
 * (The smartphone training page has its own test: ElderTrainingBrowserIT.)
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
    void theStreetPairsAMediatorOpensACaseAndClosesIt() throws Exception {
        browser("mediation", Browser.DESKTOP);
        ProgrammePage page = new ProgrammePage(b, platform);
        page.signIn("shuanggang");
        page.openProgramme("mediation");
        assertEquals("人民调解结对", page.heading());
        page.waitInPage("还没有结对");
        b.shot("1-empty");

        // pair a mediator with a leader of 港湾家园, chosen from the community's leaders
        page.select("md-community").selectByValue(GANGWAN);
        b.wait.until(d -> page.select("md-leader").getOptions().size() > 1);
        page.select("md-leader").selectByIndex(1);
        String leader = page.select("md-leader").getFirstSelectedOption().getText();
        String leaderName = leader.replaceFirst("（.*$", "");
        page.type("md-mediatorName", "王调解");
        page.type("md-mediatorPhone", "1390000111"); // ten digits: refused, the field says why
        page.press("add-pairing");
        page.waitInPage("须为 11 位手机号");
        page.type("md-mediatorPhone", "13900001111");
        page.press("add-pairing");
        page.waitInPage("139****1111");
        String pairings = b.find(By.cssSelector("[aria-labelledby=md-pairings-h] table")).getText();
        assertTrue(pairings.contains("港湾家园") && pairings.contains("王调解") && pairings.contains(leaderName), pairings);
        assertEquals(1, platform.get("shuanggang", MEDIATION + "/pairings").size());

        // open a case through the pairing
        page.select("md-case-pairing").selectByIndex(1);
        page.select("md-kind").selectByValue("NEIGHBOURS");
        page.type("md-summary", "楼上卫生间漏水，楼下天花板受损");
        page.press("open-case");
        page.waitInPage("楼上卫生间漏水");
        String cases = b.find(By.cssSelector("[aria-labelledby=md-cases-h] table")).getText();
        assertTrue(cases.contains("调解中") && cases.contains("邻里纠纷"), cases);
        page.scrollTo(b.find(By.cssSelector("[aria-labelledby=md-pairings-h]")));
        b.shot("2-paired-and-open");
        b.assertAccessible("mediation page");

        // the status filter: no settled case yet
        page.select("md-status").selectByValue("MEDIATED");
        page.waitInPage("没有此状态的案件");
        page.select("md-status").selectByValue("");
        page.waitInPage("楼上卫生间漏水");

        // close it as settled, after confirming
        page.pressFirst("close-case-");
        page.select("md-outcome").selectByValue("MEDIATED");
        page.type("md-note", "物业维修完毕，双方和解");
        b.shot("3-closing");
        b.assertAccessible("closing a case");
        page.press("submit-closing");
        String asked = page.confirm();
        assertTrue(asked.contains("调解成功") && asked.contains("不能再更改"), asked);
        b.wait.until(d -> d.findElements(By.cssSelector("[data-testid^='close-case-']")).isEmpty());
        cases = b.find(By.cssSelector("[aria-labelledby=md-cases-h] table")).getText();
        assertTrue(cases.contains("调解成功") && cases.contains("物业维修完毕"), cases);
        page.scrollTo(b.find(By.cssSelector("[aria-labelledby=md-cases-h]")));
        b.shot("4-closed");
        JsonNode settled = platform.get("shuanggang", MEDIATION + "/cases?status=MEDIATED");
        assertEquals(1, settled.size(), settled.toString());
        assertEquals("物业维修完毕，双方和解", settled.get(0).get("note").asText());
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
