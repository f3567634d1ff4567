package org.loumen.browser;

import org.openqa.selenium.support.ui.ExpectedConditions;

/** 群众评议: the list, the communities without an evaluation this half-year, opening one. */
class EvaluationsPage extends WorkPage {

    EvaluationsPage(Browser browser, Platform platform) {
        super(browser, platform);
    }

    EvaluationsPage openList() {
        goAndSettle("/evaluations");
        return this;
    }

    /** The note that names the communities of the scope without an evaluation for the current half-year. */
    String withoutEvaluation() {
        return textOf("evaluation-missing");
    }

    /** Opens an evaluation for the secretary's own community and the period; answers its id. */
    long openFor(String period) {
        submitOpen(period);
        b.wait.until(ExpectedConditions.urlMatches("#/evaluations/\\d+$"));
        String url = b.driver.getCurrentUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    /** Submits the open form (which may be refused). */
    EvaluationsPage submitOpen(String period) {
        click("evaluation-new");
        choose("evaluation-period", period);
        click("evaluation-submit");
        return this;
    }

    /** The explanation shown when the community has its evaluation for the period already. */
    String refusal() {
        return textOf("evaluation-exists");
    }
}
