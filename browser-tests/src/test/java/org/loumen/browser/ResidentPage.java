package org.loumen.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The resident pages (no account): the unit page from a door QR code, the evaluation from a ballot sheet. */
class ResidentPage {

    private final Browser b;

    ResidentPage(Browser browser) {
        this.b = browser;
    }

    static By id(String testid) {
        return By.cssSelector("[data-testid='" + testid + "']");
    }

    private void type(String testid, String text) {
        WebElement e = b.find(id(testid));
        e.clear();
        e.sendKeys(text);
    }

    /** Opens an address as a phone opens a scanned QR code. */
    ResidentPage open(String url) {
        b.driver.get(url);
        return this;
    }

    String unitTitle() {
        return b.find(id("unit-title")).getText();
    }

    String leaders() {
        return b.find(id("unit-leaders")).getText();
    }

    /** Reports a problem and returns the number the page shows. */
    String report(String description, String phone) {
        type("resident-description", description);
        if (phone != null) {
            type("resident-phone", phone);
        }
        b.click(id("resident-submit"));
        return b.find(id("report-number")).getText().trim();
    }

    /** The status of a report by its number, in words. */
    String checkStatus(String number) {
        type("status-number", number);
        b.click(id("status-submit"));
        return b.find(id("status-text")).getText();
    }

    /** On /v: waits for the leaders to rate (after a code from the address or typed). */
    List<WebElement> leadersToRate() {
        b.find(id("rate-form"));
        return b.driver.findElements(id("rate-leader"));
    }

    ResidentPage typeCode(String code) {
        type("ballot-code", code);
        b.click(id("code-submit"));
        return this;
    }

    /** Rates every leader the same and goes on to the check page. */
    ResidentPage rateAll(String rating) {
        for (WebElement l : leadersToRate()) {
            l.findElement(By.cssSelector("label[data-rating='" + rating + "']")).click();
        }
        b.click(id("rate-next"));
        b.find(id("vote-summary"));
        return this;
    }

    String summary() {
        return b.find(id("vote-summary")).getText();
    }

    String send() {
        b.click(id("vote-send"));
        return b.find(id("vote-done")).getText();
    }

    /** The words under the code field when a code is refused. */
    String codeRefusal() {
        return b.find(By.cssSelector("[data-testid='code-form'] .invalid-feedback")).getText();
    }
}
