package org.loumen.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** 问题时报: the list with its filters and counts, and the form to file a report. */
class ReportsPage extends WorkPage {

    ReportsPage(Browser browser, Platform platform) {
        super(browser, platform);
    }

    ReportsPage openList() {
        goAndSettle("/reports");
        return this;
    }

    /** Files a report and lands on its page; answers its id. */
    long file(String place, String duty, String urgency, String description) {
        click("report-new");
        choose("report-place", place);
        choose("report-duty", duty);
        b.click(By.id("urg-" + urgency));
        type("report-description", description);
        click("report-submit");
        b.wait.until(ExpectedConditions.urlMatches("#/reports/\\d+$"));
        String url = b.driver.getCurrentUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    ReportsPage overdueOnly(boolean on) {
        if (el("filter-overdue").isSelected() != on) {
            click("filter-overdue");
        }
        return search();
    }

    ReportsPage search() {
        b.click(By.cssSelector("form[role=search] button[type=submit]"));
        settle();
        return this;
    }

    List<String> rows() {
        settle();
        return rows("report-list");
    }

    /** The counts card's text (staff). */
    String stats() {
        return textOf("report-stats");
    }
}
