package org.loumen.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** 提名楼门栋长: the nomination form. */
public class NominationPage extends ConsolePage {

    public NominationPage(Browser b, Platform platform) {
        super(b, platform);
    }

    public NominationPage waitLoaded() {
        b.find(By.cssSelector(".nomination-form"));
        return this;
    }

    private WebElement form() {
        return b.find(By.cssSelector(".nomination-form"));
    }

    /** Types into a text field by its name (name, phone, nominatedBy). */
    public NominationPage type(String field, String value) {
        Forms.type(form().findElement(By.cssSelector("input[name=" + field + "]")), value);
        return this;
    }

    public NominationPage date(String field, String value) {
        Forms.setValue(b.driver, form().findElement(By.cssSelector("input[name=" + field + "]")), value);
        return this;
    }

    /** Picks a radio choice by its value (gender MALE, role UNIT_LEADER, method SELF ...). */
    public NominationPage pick(String field, String value) {
        WebElement radio = form().findElement(By.cssSelector("input[type=radio][name=" + field + "][value='" + value
                + "']"));
        Forms.press(b, By.cssSelector("label[for='" + radio.getAttribute("id") + "']"));
        return this;
    }

    /** Chooses in a select by the option's value (education, building, unit). */
    public NominationPage choose(String field, String value) {
        By by = By.cssSelector(".nomination-form select[name=" + field + "] option[value='" + value + "']");
        b.wait.until(ExpectedConditions.presenceOfElementLocated(by));
        Forms.choose(form().findElement(By.cssSelector("select[name=" + field + "]")), value);
        return this;
    }

    public NominationPage liaison(boolean on) {
        if (form().findElement(By.id("nominate-liaison")).isSelected() != on) {
            Forms.press(b, By.cssSelector("label[for=nominate-liaison]"));
        }
        return this;
    }

    public void submit() {
        Forms.press(b, By.cssSelector("[data-testid=nominate-submit]"));
    }

    /** Waits for the error under a field, named by its input's or group's name, and returns it. */
    public String errorUnder(String field) {
        return b.wait.until(d -> {
            WebElement input = form().findElement(By.cssSelector("[name=" + field + "]"));
            String e = Forms.errorUnder(input);
            return e.isEmpty() ? null : e;
        });
    }

    /** After a successful nomination: the new leader's page. */
    public LeaderPage leaderPage() {
        b.wait.until(ExpectedConditions.urlMatches("#/leaders/\\d+$"));
        return new LeaderPage(b, platform).waitLoaded();
    }
}
