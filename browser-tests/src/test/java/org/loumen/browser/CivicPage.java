package org.loumen.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Projects, consultations and publicity as leaders (the workspace on a phone), the street (console pages) and a
 * resident (the unit page) use them.
 */
class CivicPage extends WorkPage {

    CivicPage(Browser browser, Platform platform) {
        super(browser, platform);
    }

    /** In the workspace's 项目申报: proposes a project for my only place. */
    CivicPage propose(String kind, String title, String budget, String description) {
        Forms.press(b, By.cssSelector("label[for='pj-" + kind + "']"));
        type("ws-project-title", title);
        type("ws-project-budget", budget);
        type("ws-project-description", description);
        click("ws-project-submit");
        b.wait.until(d -> d.findElements(By.cssSelector("[data-testid='ws-project-list'] > li")).stream()
                .anyMatch(li -> li.getText().contains(title)));
        return this;
    }

    /** My projects as the workspace lists them. */
    List<String> myProjects() {
        return b.driver.findElements(By.cssSelector("[data-testid='ws-project-list'] > li")).stream()
                .map(WebElement::getText).toList();
    }

    /** The review queue's rows on 项目扶持. */
    List<String> queue() {
        settle();
        return rows("projects");
    }

    /** Opens the review of the project with the title, approves it with the amount and waits for its new state. */
    CivicPage streetApprove(String title, String amount) {
        WebElement row = b.driver.findElements(By.cssSelector("[data-testid='projects'] table tbody tr")).stream()
                .filter(r -> r.getText().contains(title)).findFirst().orElseThrow();
        row.findElement(By.cssSelector("[data-testid='project-review-open']")).click();
        el("project-review");
        type("review-amount", amount);
        type("review-note", "优先扶持");
        click("review-submit");
        b.wait.until(d -> d.findElements(id("project-review")).isEmpty());
        settle();
        b.wait.until(d -> rows("projects").stream().anyMatch(r -> r.contains(title) && r.contains("已批准")));
        return this;
    }

    /** In the workspace's 楼门议事: opens a consultation and records the first waiting household's answer. */
    CivicPage answerAtDoor(long consultation, int option) {
        b.click(By.cssSelector("[data-consultation='" + consultation + "']"));
        el("ws-door-form");
        WebElement first = b.driver.findElements(By.cssSelector("[data-testid='ws-door-form'] input[name='cq-h']"))
                .get(0);
        Forms.press(b, By.cssSelector("label[for='" + first.getAttribute("id") + "']"));
        Forms.press(b, By.cssSelector("label[for='cqo-" + option + "']"));
        String before = textOf("ws-consult-answered");
        click("ws-door-submit");
        b.wait.until(d -> !d.findElements(id("ws-consult-answered")).isEmpty()
                && !d.findElement(id("ws-consult-answered")).getText().equals(before));
        return this;
    }

    /** On the unit page: answers the open consultation with the household's code. */
    CivicPage answerWithCode(String code, int option) {
        el("unit-consultations");
        type("consultation-code", code);
        click("consultation-code-submit");
        el("consultation-answer-form");
        Forms.press(b, By.cssSelector("label[for='cq-" + option + "']"));
        click("consultation-answer-submit");
        el("consultation-thanks");
        return this;
    }
}
