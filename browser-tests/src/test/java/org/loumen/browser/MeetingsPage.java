package org.loumen.browser;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** 例会: the cadence, the meetings, scheduling one. */
class MeetingsPage extends WorkPage {

    MeetingsPage(Browser browser, Platform platform) {
        super(browser, platform);
    }

    MeetingsPage openList() {
        goAndSettle("/meetings");
        return this;
    }

    /** Schedules a meeting of the kind (WEEKLY, MONTHLY) for today in the user's community; lands on its page. */
    long scheduleToday(String kind) {
        click("meeting-new");
        choose("meeting-kind", kind);
        setDate("meeting-date", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        click("meeting-submit");
        b.wait.until(ExpectedConditions.urlMatches("#/meetings/\\d+$"));
        String url = b.driver.getCurrentUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    /** Sets a date field's value as the date picker would (typing into it depends on the browser's locale). */
    void setDate(String testid, String iso) {
        WebElement e = el(testid);
        ((JavascriptExecutor) b.driver).executeScript("const e = arguments[0]; e.value = arguments[1];"
                + "e.dispatchEvent(new Event('input', {bubbles: true}));", e, iso);
    }

    List<String> cadence() {
        settle();
        return rows("cadence");
    }

    String cadenceSummary() {
        return textOf("cadence-summary");
    }

    List<String> meetings() {
        settle();
        return rows("meeting-list");
    }
}
