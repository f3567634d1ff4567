package org.loumen.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The 志愿服务品牌 programme page in the console, and the certificate it prints, as its users see them. */
final class VolunteerBrandsPage extends ConsolePage {

    static final String STREET = "120112103";

    VolunteerBrandsPage(Browser b, Platform p) {
        super(b, p);
    }

    /** Opens the page of 双港镇 by its address, as a bookmark or the workspace's programme tile does. */
    VolunteerBrandsPage openBrands() {
        open("/p/" + STREET + "/volunteer-brands");
        b.find(By.cssSelector("[data-testid=vb-brands]"));
        return this;
    }

    /** The brands' names as listed. */
    String brands() {
        return b.find(By.cssSelector("[data-testid=vb-brands]")).getText();
    }

    /** Opens the brand of that name. */
    VolunteerBrandsPage enterBrand(String name) {
        for (WebElement card : b.driver.findElements(By.cssSelector("[data-testid^=vb-brand-]"))) {
            if (card.getText().contains(name)) {
                String id = card.getAttribute("data-testid").substring("vb-brand-".length());
                b.click(By.cssSelector("[data-testid=vb-open-" + id + "]"));
                b.wait.until(d -> d.findElement(By.cssSelector("[data-testid=vb-brand-name]")).getText().equals(name));
                return this;
            }
        }
        throw new AssertionError("no brand " + name + " in " + brands());
    }

    VolunteerBrandsPage tab(String id) {
        b.click(By.cssSelector("[data-testid=vb-tab-" + id + "]"));
        return this;
    }

    /** The entries of hours listed, as text each. */
    List<String> hours() {
        b.find(By.cssSelector("[data-testid=vb-hours]"));
        return b.driver.findElements(By.cssSelector("[data-testid=vb-hours] > li")).stream().map(WebElement::getText)
                .toList();
    }

    /** The id of the first entry the user may decide. */
    String firstToDecide() {
        return b.find(By.cssSelector("[data-testid^=vb-approve-]")).getAttribute("data-testid")
                .substring("vb-approve-".length());
    }

    void reject(String entry, String reason) {
        if (reason != null) {
            type("vb-reason-" + entry, reason);
        }
        b.click(By.cssSelector("[data-testid=vb-reject-" + entry + "]"));
    }

    void approve(String entry) {
        b.click(By.cssSelector("[data-testid=vb-approve-" + entry + "]"));
    }

    void showStatus(String status) {
        new org.openqa.selenium.support.ui.Select(b.find(By.cssSelector("[data-testid=vb-hours-status]")))
                .selectByValue(status);
    }

    /** Reports my own hours (as a member). */
    void report(String day, String hours, String what) {
        type("vb-rep-date", day);
        type("vb-rep-hours", hours);
        type("vb-rep-desc", what);
        b.click(By.cssSelector("[data-testid=vb-report]"));
    }

    void type(String testid, String text) {
        WebElement e = b.find(By.cssSelector("[data-testid=" + testid + "]"));
        if ("date".equals(e.getAttribute("type"))) {
            ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript(
                    "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles:true}))",
                    e, text);
            return;
        }
        e.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        e.sendKeys(Keys.DELETE);
        e.sendKeys(text);
    }

    /** Opens the first certificate of the ranking: the print page of the programme's console folder. */
    VolunteerBrandsPage printFirstCertificate() {
        b.click(By.cssSelector("[data-testid^=vb-cert-]"));
        b.wait.until(d -> "true".equals(d.findElement(By.id("sheets")).getAttribute("data-ready")));
        return this;
    }

    String certificate() {
        return b.find(By.cssSelector("[data-testid=certificate]")).getText();
    }
}
