package org.loumen.browser;

import java.util.List;

/** 关怀走访: a carer's plans and visits, or a street's counts. */
class CarePage extends WorkPage {

    CarePage(Browser browser, Platform platform) {
        super(browser, platform);
    }

    CarePage openCare() {
        goAndSettle("/care");
        return this;
    }

    List<String> plans() {
        settle();
        return rows("care-plans");
    }

    /** Opens a household's visits and records one today with the note. */
    CarePage recordVisit(long household, String note) {
        click("plan-visit-" + household);
        type("visit-note", note);
        click("visit-submit");
        b.wait.until(d -> rows("visit-list").stream().anyMatch(r -> r.contains(note)));
        return this;
    }

    List<String> visits() {
        return rows("visit-list");
    }

    List<String> counts() {
        settle();
        return rows("care-counts");
    }
}
