package org.loumen.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The mediation programme's page (人民调解结对), for the street, a mediator and a paired leader. */
final class MediationPage extends ConsolePage {

    static final String STREET = "120112103";

    MediationPage(Browser b, Platform p) {
        super(b, p);
    }

    /** Signs in an account made by a test (not a demo account): its temporary password, then its own. */
    MediationPage signInNew(String user, String temporary, String own) {
        open("/login");
        submitSignIn(user, temporary);
        changePassword(temporary, own);
        signedIn();
        return this;
    }

    /** Signs a demo account in (a leader lands on the workspace, staff on the console with its menu). */
    MediationPage signInAnyone(String user) {
        open("/login");
        submitSignIn(user, platform.password(user));
        if (platform.firstPassword(user)) {
            changePassword(platform.password(user), Platform.NEW_PASSWORD);
            platform.passwordChanged(user);
        }
        signedIn();
        return this;
    }

    private void signedIn() {
        b.wait.until(d -> d.getCurrentUrl().contains("#/workspace")
                || !d.findElements(By.cssSelector("#sidenav .nav-link")).isEmpty());
    }

    /** Opens the page by its address, as the menu or the workspace's tile does. */
    MediationPage openPage() {
        open("/p/" + STREET + "/mediation");
        b.find(By.cssSelector("[data-testid=mediation-page]"));
        return this;
    }

    void waitInPage(String text) {
        b.wait.until(d -> d.findElement(By.cssSelector("[data-testid=mediation-page]")).getText().contains(text));
    }

    String section(String headingId) {
        return b.find(By.cssSelector("[aria-labelledby=" + headingId + "]")).getText();
    }

    void choose(String testid, String visibleTextContaining) {
        b.wait.until(d -> new Select(d.findElement(By.cssSelector("[data-testid=" + testid + "]"))).getOptions()
                .stream().anyMatch(o -> o.getText().contains(visibleTextContaining)));
        Select s = new Select(b.find(By.cssSelector("[data-testid=" + testid + "]")));
        for (WebElement o : s.getOptions()) {
            if (o.getText().contains(visibleTextContaining)) {
                s.selectByVisibleText(o.getText());
                return;
            }
        }
    }

    void chooseValue(String testid, String value) {
        new Select(b.find(By.cssSelector("[data-testid=" + testid + "]"))).selectByValue(value);
    }

    void type(String testid, String text) {
        WebElement e = b.find(By.cssSelector("[data-testid=" + testid + "]"));
        scrollTo(e);
        e.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        e.sendKeys(Keys.DELETE);
        e.sendKeys(text);
    }

    void press(String testid) {
        b.click(By.cssSelector("[data-testid=" + testid + "]"));
    }

    void pressFirst(String prefix) {
        b.click(By.cssSelector("[data-testid^='" + prefix + "']"));
    }

    /** Pairs a mediator account with a leader (by name) of a community, as the street admin. */
    void pair(String community, String mediator, String leaderName, String mediatorName) {
        chooseValue("md-community", community);
        choose("md-mediator", mediator);
        choose("md-leader", leaderName);
        type("md-mediatorName", mediatorName);
        press("md-add-pairing");
    }

    /** A paired leader records a dispute found in the round. */
    void recordDispute(String round, String category, String risk, String parties, String summary) {
        choose("md-round", round);
        chooseValue("md-category", category);
        chooseValue("md-risk", risk);
        type("md-parties", parties);
        type("md-summary", summary);
        press("md-record");
    }

    /** Takes a step of the open case with its words. */
    void step(String step, String... fields) {
        press("md-step-" + step);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            type(fields[i], fields[i + 1]);
        }
        press("md-step-submit");
    }

    String caseStatus() {
        return b.find(By.cssSelector("[data-testid=md-case]")).getText();
    }

    void scrollTo(WebElement e) {
        ((JavascriptExecutor) b.driver).executeScript("arguments[0].scrollIntoView({block:'center'})", e);
    }

    void scrollTo(String headingId) {
        scrollTo(b.find(By.id(headingId)));
    }

    long horizontalOverflow() {
        return ((Number) ((JavascriptExecutor) b.driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
    }

    List<WebElement> all(String css) {
        return b.driver.findElements(By.cssSelector(css));
    }
}
