package org.loumen.browser;

import java.nio.file.Path;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The leader workspace (楼门栋长工作台) as a leader uses it on a phone. */
class WorkspacePage extends WorkPage {

    WorkspacePage(Browser browser, Platform platform) {
        super(browser, platform);
    }

    /** Signs the leader in; a leader lands on the workspace (no staff menu). */
    WorkspacePage signInLeader(String user) {
        if (!b.driver.getCurrentUrl().contains("#/login")) {
            open("/login");
        }
        submitSignIn(user, platform.password(user));
        if (platform.firstPassword(user)) {
            changePassword(platform.password(user), Platform.NEW_PASSWORD);
            platform.passwordChanged(user);
        }
        b.wait.until(ExpectedConditions.urlContains("#/workspace"));
        el("workspace");
        return this;
    }

    String greeting() {
        return textOf("ws-greeting");
    }

    /** Opens a section from the workspace's tiles, e.g. {@code reports}, {@code log}, {@code care}. */
    WorkspacePage section(String key) {
        if (!b.driver.getCurrentUrl().endsWith("#/workspace")) {
            open("/workspace");
        }
        b.click(By.cssSelector("[data-ws='" + key + "']"));
        b.wait.until(ExpectedConditions.urlContains("#/workspace/" + key));
        return this;
    }

    WorkspacePage largeText() {
        click("font-large");
        b.wait.until(d -> d.findElement(By.tagName("html")).getAttribute("class").contains("lm-large"));
        return this;
    }

    /** Files a report with a photo on the given place (a unit code; null: the only place) and returns its id. */
    long fileReport(String place, String duty, String description, Path photo) {
        if (b.driver.findElements(id("ws-report-form")).isEmpty()) {
            click("ws-report-new");
        }
        if (place != null) {
            choose("ws-report-place", place);
        }
        choose("ws-report-duty", duty);
        type("ws-report-description", description);
        if (photo != null) {
            b.driver.findElement(id("ws-report-photo")).sendKeys(photo.toAbsolutePath().toString());
            el("ws-report-previews");
        }
        click("ws-report-submit");
        b.wait.until(d -> d.getCurrentUrl().matches(".*#/workspace/reports/\\d+$"));
        el("ws-report-state");
        String url = b.driver.getCurrentUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    /** The words under a chosen photo that cannot be sent (wrong type, too large). */
    String photoRefusal(Path file) {
        click("ws-report-new");
        b.driver.findElement(id("ws-report-photo")).sendKeys(file.toAbsolutePath().toString());
        return b.find(By.cssSelector("[data-testid='ws-report-form'] .invalid-feedback")).getText();
    }

    /** Opens the report (or, when it is open already, asks for its progress again). */
    WorkspacePage openReport(long id) {
        if (b.driver.getCurrentUrl().endsWith("#/workspace/reports/" + id)) {
            click("ws-report-refresh");
        } else {
            open("/workspace/reports/" + id);
        }
        el("ws-report-state");
        return this;
    }

    String reportState() {
        return textOf("ws-report-state");
    }

    int photosShown() {
        b.wait.until(d -> !d.findElements(By.cssSelector("[data-testid='ws-report-photos'] img")).isEmpty());
        return b.driver.findElements(By.cssSelector("[data-testid='ws-report-photos'] img")).size();
    }

    /** Confirms the problem is solved (asked again on the page, no pop-up). */
    WorkspacePage confirmSolved() {
        click("ws-report-confirm");
        click("ws-report-confirm-yes");
        waitText("ws-report-state", "已确认");
        return this;
    }

    int logTotal() {
        return Integer.parseInt(textOf("ws-log-total").trim());
    }

    WorkspacePage addWorkLog(String duty, String note) {
        int before = logTotal();
        b.click(By.cssSelector("label[for='wl-" + duty + "']"));
        type("ws-log-note", note);
        click("ws-log-save");
        b.wait.until(d -> logTotal() == before + 1);
        return this;
    }

    /** The first entries of my work log, as text. */
    List<String> logEntries() {
        return b.driver.findElements(By.cssSelector("[data-testid='ws-log-list'] > li")).stream()
                .map(WebElement::getText).toList();
    }

    /** Waits for the care list (or its empty state) and returns how many households are listed. */
    int householdsDue() {
        b.wait.until(d -> !d.findElements(id("ws-care")).isEmpty() || d.getPageSource().contains("没有需要定期走访的住户"));
        return b.driver.findElements(By.cssSelector("[data-testid='ws-care'] > li")).size();
    }

    /** Records a visit to the first household listed as due, and returns that household's id. */
    long recordFirstVisit(String note) {
        WebElement first = b.find(By.cssSelector("[data-testid='ws-care'] > li"));
        long household = Long.parseLong(first.getAttribute("data-household"));
        b.click(By.cssSelector("[data-household='" + household + "'] [data-testid='ws-visit']"));
        type("ws-visit-note", note);
        click("ws-visit-save");
        b.wait.until(d -> d.findElements(id("ws-visit-form")).isEmpty());
        return household;
    }
}
