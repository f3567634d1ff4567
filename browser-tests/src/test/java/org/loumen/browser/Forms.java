package org.loumen.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** What the people pages' page objects share: filling fields as a person would, reading the error under a field. */
final class Forms {

    private Forms() {
    }

    /**
     * Sets a field's value and tells the page, as typing or a date picker does. Used for date inputs, whose typed
     * form depends on the browser's locale.
     */
    static void setValue(WebDriver d, WebElement input, String value) {
        ((JavascriptExecutor) d).executeScript("const e = arguments[0];"
                + "Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(e, arguments[1]);"
                + "e.dispatchEvent(new Event('input', {bubbles: true}));"
                + "e.dispatchEvent(new Event('change', {bubbles: true}));", input, value);
    }

    /**
     * Clicks a button or link after bringing it to the middle of the screen at once (Bootstrap scrolls smoothly, so
     * WebDriver's own scrolling may leave the element still on its way when it clicks).
     */
    static void press(Browser b, By by) {
        WebElement e = b.clickable(by);
        ((JavascriptExecutor) b.driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'});", e);
        b.click(by);
    }

    /** Replaces a text field's content by typing. */
    static void type(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }

    static void choose(WebElement select, String value) {
        new Select(select).selectByValue(value);
    }

    /** The error shown under the field that holds the element, or "" when there is none. */
    static String errorUnder(WebElement inside) {
        WebElement field = inside.findElement(
                By.xpath("ancestor::div[contains(concat(' ', @class, ' '), ' field ')][1]"));
        List<WebElement> e = field.findElements(By.cssSelector(".invalid-feedback"));
        return e.isEmpty() ? "" : e.get(0).getText();
    }

    /** The field (label above, input, error under it) whose label starts with the words. */
    static WebElement field(WebDriver d, WebElement scope, String label) {
        for (WebElement f : scope.findElements(By.cssSelector(".field"))) {
            List<WebElement> l = f.findElements(By.cssSelector("label.form-label"));
            if (!l.isEmpty() && l.get(0).getText().trim().startsWith(label)) {
                return f;
            }
        }
        throw new AssertionError("no field labelled " + label);
    }

    /** Fails if a JavaScript alert is open (an injected script would have raised one). */
    static boolean alertOpen(WebDriver d) {
        try {
            d.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }
}
