package org.loumen.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** 我的楼门's console page (the programme's own page) and its parts on the resident unit page. */
final class MyBuildingPage extends ConsolePage {

    static final String STREET = "120112103";

    MyBuildingPage(Browser b, Platform p) {
        super(b, p);
    }

    /** Opens the page at its address, as the workspace's 打开 or the menu entry does. */
    MyBuildingPage openPage() {
        open("/p/" + STREET + "/my-building");
        b.find(By.cssSelector("[data-testid=mb-page]"));
        return this;
    }

    /** Opens the page from the console's menu (本街道项目). */
    MyBuildingPage openFromMenu() {
        waitForMenu();
        b.wait.until(d -> hasProgrammeInMenu("my-building"));
        goProgramme("my-building");
        b.find(By.cssSelector("[data-testid=mb-page]"));
        return this;
    }

    String actor() {
        return b.find(By.cssSelector("[data-testid=mb-page]")).getAttribute("data-actor");
    }

    MyBuildingPage unit(String code) {
        new Select(b.find(By.cssSelector("[data-testid=mb-unit]"))).selectByValue(code);
        return this;
    }

    MyBuildingPage tab(String name) {
        tap(By.cssSelector("[data-testid=mb-tab-" + name + "]"));
        return this;
    }

    void press(String testid) {
        tap(By.cssSelector("[data-testid='" + testid + "']"));
    }

    void pressFirst(String prefix) {
        tap(By.cssSelector("[data-testid^='" + prefix + "']"));
    }

    /** Clicks as a person would ({@link Browser#click}: once the element rests in the middle of the window). */
    void tap(By by) {
        b.click(by);
    }

    void type(String testid, String text) {
        WebElement e = b.find(By.cssSelector("[data-testid='" + testid + "']"));
        e.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        e.sendKeys(Keys.DELETE);
        e.sendKeys(text);
    }

    Select select(String testid) {
        return new Select(b.find(By.cssSelector("[data-testid='" + testid + "']")));
    }

    String textOf(String testid) {
        return b.find(By.cssSelector("[data-testid='" + testid + "']")).getText();
    }

    void waitInPage(String text) {
        b.wait.until(d -> d.findElement(By.cssSelector("[data-testid=mb-page]")).getText().contains(text));
    }

    List<WebElement> all(String prefix) {
        return b.driver.findElements(By.cssSelector("[data-testid^='" + prefix + "']"));
    }

    // ---- the resident unit page /u/<unit> ----

    /** Opens the unit page as a resident who scanned the door's code, and waits for 我的楼门's section. */
    MyBuildingPage resident(String unit) {
        b.driver.get(platform.base() + "/u/" + unit);
        b.find(By.cssSelector("[data-testid=mb-unit]"));
        return this;
    }

    String agreedCount() {
        return textOf("mb-agreed-count");
    }

    void agree(String householdCode) {
        type("mb-agree-code", householdCode);
        press("mb-agree");
    }
}
