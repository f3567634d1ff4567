package org.loumen.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A leader's page: profile, the lifecycle's buttons and their forms, editing, assignments and history. */
public class LeaderPage extends ConsolePage {

    public LeaderPage(Browser b, Platform platform) {
        super(b, platform);
    }

    public LeaderPage openLeader(long id) {
        open("/leaders/" + id);
        return waitLoaded();
    }

    public LeaderPage waitLoaded() {
        b.find(By.cssSelector("[data-testid=profile-name]"));
        return this;
    }

    public String name() {
        return b.find(By.cssSelector("[data-testid=profile-name]")).getText();
    }

    /** The status code on the profile (NOMINATED, IN_SERVICE ...). */
    public String status() {
        return b.find(By.cssSelector("[data-testid=profile-status] [data-status]")).getAttribute("data-status");
    }

    public LeaderPage waitStatus(String status) {
        b.wait.until(d -> {
            List<WebElement> e = d.findElements(By.cssSelector("[data-testid=profile-status] [data-status]"));
            return !e.isEmpty() && status.equals(e.get(0).getAttribute("data-status"));
        });
        return this;
    }

    /** The lifecycle actions offered now, by name (decision, training ...), in the page's order. */
    public List<String> actions() {
        b.find(By.cssSelector("[data-testid=actions]"));
        return b.driver.findElements(By.cssSelector("[data-testid=actions] button[data-action]")).stream()
                .map(e -> e.getAttribute("data-action")).toList();
    }

    /** Waits until exactly these actions are offered. */
    public LeaderPage waitActions(List<String> expected) {
        b.wait.until(d -> expected.equals(actions()));
        return this;
    }

    /** Presses an action's button, which opens its form. */
    public LeaderPage start(String action) {
        Forms.press(b, By.cssSelector("[data-testid=actions] button[data-action=" + action + "]"));
        b.find(By.cssSelector("[data-testid=action-form-" + action + "]"));
        return this;
    }

    /** Fills a field of the open action's form by its name (meetingDate, votesFor, session, workId, reason ...). */
    public LeaderPage fill(String field, String value) {
        WebElement input = b.find(By.cssSelector("[data-testid^=action-form-] input[name=" + field + "]"));
        if ("date".equals(input.getAttribute("type"))) {
            Forms.setValue(b.driver, input, value);
        } else {
            Forms.type(input, value);
        }
        return this;
    }

    public LeaderPage submitAction() {
        Forms.press(b, By.cssSelector("[data-testid=action-submit]"));
        return this;
    }

    public String assignments() {
        return b.find(By.xpath("//h2[normalize-space()='楼门职务']/..")).getText();
    }

    public String history() {
        return b.find(By.xpath("//h2[normalize-space()='履历']/..")).getText();
    }

    public LeaderPage edit() {
        Forms.press(b, By.cssSelector("[data-testid=edit]"));
        b.find(By.cssSelector("[data-testid=edit-form]"));
        return this;
    }

    /** Types into a text field of the edit form (name, phone). */
    public LeaderPage editField(String field, String value) {
        Forms.type(b.find(By.cssSelector("[data-testid=edit-" + field + "]")), value);
        return this;
    }

    public String editValue(String field) {
        return b.find(By.cssSelector("[data-testid=edit-" + field + "]")).getAttribute("value");
    }

    public LeaderPage save() {
        Forms.press(b, By.cssSelector("[data-testid=save]"));
        return this;
    }

    /** The explanation shown when someone else saved first. */
    public String stale() {
        return b.find(By.cssSelector("[data-testid=stale]")).getText();
    }

    /** Takes the offered fresh version and puts one's own changes back on it. */
    public LeaderPage reapply() {
        Forms.press(b, By.cssSelector("[data-testid=reapply]"));
        b.wait.until(d -> d.findElements(By.cssSelector("[data-testid=stale]")).isEmpty());
        return this;
    }

    /** Waits until the details are shown again (the edit saved). */
    public LeaderPage waitSaved() {
        b.wait.until(d -> d.findElements(By.cssSelector("[data-testid=edit-form]")).isEmpty());
        return this;
    }

    public String profile() {
        return b.find(By.cssSelector(".profile")).getText();
    }
}
