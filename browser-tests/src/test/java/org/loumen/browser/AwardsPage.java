package org.loumen.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** 评优: rounds, opening one, the awards and the reserve pool. */
class AwardsPage extends WorkPage {

    AwardsPage(Browser browser, Platform platform) {
        super(browser, platform);
    }

    AwardsPage openAwards() {
        goAndSettle("/awards");
        return this;
    }

    /** Opens a round for the user's street and year with the rules; lands on its page and answers its id. */
    long openRound(String year, String minSatisfaction, String minReports) {
        click("round-new");
        type("round-period", year);
        WebInputs.set(b, By.cssSelector("[data-testid=round-form] input[type=number][min='60']"), minSatisfaction);
        WebInputs.set(b, By.cssSelector("[data-testid=round-form] input[type=number][min='0']"), minReports);
        click("round-submit");
        b.wait.until(ExpectedConditions.urlMatches("#/awards/\\d+$"));
        String url = b.driver.getCurrentUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    AwardsPage tab(String id) {
        click("tab-" + id);
        settle();
        return this;
    }

    List<String> table(String testid) {
        settle();
        return rows(testid);
    }
}
