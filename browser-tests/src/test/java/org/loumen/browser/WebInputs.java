package org.loumen.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Typing into fields whose content must be replaced whole (number inputs keep a default value). */
final class WebInputs {

    private WebInputs() {
    }

    static void set(Browser b, By by, String value) {
        WebElement e = b.find(by);
        e.clear();
        e.sendKeys(value);
    }
}
