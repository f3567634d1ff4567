package org.loumen.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Markup helpers the work pages' page objects share: elements by data-testid, selects, typing, table rows. */
class WorkPage extends ConsolePage {

    WorkPage(Browser browser, Platform platform) {
        super(browser, platform);
    }

    static By id(String testid) {
        return By.cssSelector("[data-testid='" + testid + "']");
    }

    WebElement el(String testid) {
        return b.find(id(testid));
    }

    /** Clicks the element (see {@link Browser#click}). */
    void click(String testid) {
        b.click(id(testid));
    }

    void type(String testid, String text) {
        WebElement e = el(testid);
        e.clear();
        e.sendKeys(text);
    }

    void choose(String testid, String value) {
        b.wait.until(d -> {
            List<WebElement> o = d.findElements(By.cssSelector("[data-testid='" + testid + "'] option[value='" + value
                    + "']"));
            return !o.isEmpty();
        });
        new Select(el(testid)).selectByValue(value);
    }

    String textOf(String testid) {
        return el(testid).getText();
    }

    /** Waits until the element's text contains the words. */
    void waitText(String testid, String text) {
        b.wait.until(d -> {
            List<WebElement> e = d.findElements(id(testid));
            return !e.isEmpty() && e.get(0).getText().contains(text);
        });
    }

    /** The text of each body row of the first table inside the element (or of the page's main area). */
    List<String> rows(String testid) {
        By rows = testid == null ? By.cssSelector("main table tbody tr")
                : By.cssSelector("[data-testid='" + testid + "'] table tbody tr");
        return b.driver.findElements(rows).stream().map(WebElement::getText).toList();
    }

    /** Waits until the page's table cards are there and none is loading. */
    void settle() {
        b.wait.until(d -> !d.findElements(By.cssSelector("main [aria-busy='false']")).isEmpty()
                && d.findElements(By.cssSelector("main [aria-busy='true']")).isEmpty());
    }

    /** Opens a page from the menu and waits until it is that page (not one below it) and loaded. */
    void goAndSettle(String path) {
        go(path);
        b.wait.until(d -> d.getCurrentUrl().matches(".*#" + java.util.regex.Pattern.quote(path) + "(\\?.*)?$"));
        settle();
    }
}
