package org.loumen.browser;

import java.util.List;

/** One selection round: candidates and the decision. */
class AwardPage extends WorkPage {

    AwardPage(Browser browser, Platform platform) {
        super(browser, platform);
    }

    List<String> candidates() {
        settle();
        return rows("candidates");
    }

    AwardPage choose(long leader) {
        click("candidate-" + leader);
        return this;
    }

    /** Records the decision (confirmed) and waits for the certificates. */
    AwardPage decide(String decision) {
        type("decision-text", decision);
        click("decision-submit");
        confirm();
        waitText("round-state", "已决定");
        return this;
    }

    List<String> awardees() {
        settle();
        return rows("round-awards");
    }
}
