package org.loumen.browser;

import java.util.List;

/** One problem report: its state, the step the user may take, its history. */
class ReportPage extends WorkPage {

    ReportPage(Browser browser, Platform platform) {
        super(browser, platform);
    }

    ReportPage open(long id) {
        super.open("/reports/" + id);
        el("report-state");
        return this;
    }

    String state() {
        return textOf("report-state");
    }

    ReportPage accept() {
        click("report-accept");
        waitText("report-state", "已受理");
        return this;
    }

    ReportPage assign(String assignee) {
        type("report-assignee", assignee);
        click("report-assign");
        waitText("report-state", "已交办");
        return this;
    }

    ReportPage resolve(String resolution) {
        type("report-resolution", resolution);
        click("report-resolve");
        waitText("report-state", "已办结");
        return this;
    }

    /** The reporter confirms (with the confirmation dialog). */
    ReportPage confirmSolved() {
        click("report-confirm");
        confirm();
        waitText("report-state", "已确认");
        return this;
    }

    ReportPage sendBack(String note) {
        type("report-note", note);
        click("report-reopen");
        waitText("report-state", "已退回");
        return this;
    }

    List<String> history() {
        return rows("report-history");
    }
}
