package org.loumen.browser;

import java.util.List;

import org.openqa.selenium.By;

/** 审计日志: filters, the table, the chain check. */
class AuditPage extends WorkPage {

    AuditPage(Browser browser, Platform platform) {
        super(browser, platform);
    }

    AuditPage openLog() {
        goAndSettle("/audit");
        return this;
    }

    AuditPage byAction(String prefix) {
        type("audit-action", prefix);
        return search();
    }

    AuditPage byOutcome(String outcome) {
        choose("audit-outcome-filter", outcome);
        return search();
    }

    AuditPage search() {
        b.click(By.cssSelector("form[role=search] button[type=submit]"));
        settle();
        return this;
    }

    List<String> entries() {
        settle();
        return rows("audit-list");
    }

    /** Runs the chain check and answers what it says. */
    String verify() {
        click("audit-verify");
        return textOf("audit-check");
    }
}
