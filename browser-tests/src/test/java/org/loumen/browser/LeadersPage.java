package org.loumen.browser;

import java.util.List;
import java.util.function.Predicate;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** 楼门栋长: the list of leaders with its search, filters, sorting and pages. */
public class LeadersPage extends ConsolePage {

    /** One row as a person reads it. */
    public record Row(long id, String name, String status, String text) {
    }

    public LeadersPage(Browser b, Platform platform) {
        super(b, platform);
    }

    /** Opens the list from the menu and waits for its rows. */
    public LeadersPage show() {
        if (b.driver.manage().window().getSize().width < 992) {
            open("/leaders"); // on a phone the menu slides in; ConsolePage.go may click it while it moves
        } else {
            go("/leaders");
        }
        waitLoaded();
        return this;
    }

    /** Opens the list at an address with filters, as a dashboard number links to it. */
    public LeadersPage showFiltered(String query) {
        open("/leaders?" + query);
        waitLoaded();
        return this;
    }

    public LeadersPage waitLoaded() {
        b.wait.until(d -> "true".equals(d.findElement(By.cssSelector("[data-testid=leaders-table]"))
                .getAttribute("data-loaded")));
        return this;
    }

    /** Types a name or phone into the search box and presses Enter. */
    public LeadersPage search(String text) {
        WebElement q = b.find(By.cssSelector("[data-testid=filter-q]"));
        q.clear();
        q.sendKeys(text, Keys.ENTER);
        return this;
    }

    /** Chooses a filter value (status, role, age, education, street, community) by its code. */
    public LeadersPage filter(String key, String value) {
        Forms.choose(b.find(By.cssSelector("[data-testid=filter-" + key + "]")), value);
        return this;
    }

    public String filterValue(String key) {
        return b.find(By.cssSelector("[data-testid=filter-" + key + "]")).getAttribute("value");
    }

    public LeadersPage reset() {
        Forms.press(b, By.xpath("//form[@role='search']//button[normalize-space()='重置']"));
        return this;
    }

    /** Sorts by a column by clicking its heading (name, age, number). */
    public LeadersPage sortBy(String heading) {
        Forms.press(b, By.xpath("//th/button[contains(normalize-space(), '" + heading + "')]"));
        return this;
    }

    /** The rows once they satisfy the condition (the list reloads after each filter). */
    public List<Row> rowsWhen(Predicate<List<Row>> condition) {
        return b.wait.until(d -> {
            try {
                List<Row> rows = rows();
                return "true".equals(d.findElement(By.cssSelector("[data-testid=leaders-table]")).getAttribute(
                        "data-loaded")) && condition.test(rows) ? rows : null;
            } catch (StaleElementReferenceException e) {
                return null;
            }
        });
    }

    /** The rows shown now. */
    public List<Row> rows() {
        return b.driver.findElements(By.cssSelector("[data-testid=leaders-table] tbody tr")).stream()
                .filter(tr -> !tr.findElements(By.cssSelector("[data-testid=leader-link]")).isEmpty())
                .map(tr -> {
                    WebElement a = tr.findElement(By.cssSelector("[data-testid=leader-link]"));
                    String href = a.getAttribute("href");
                    return new Row(Long.parseLong(href.substring(href.lastIndexOf('/') + 1)), a.getText(),
                            tr.findElement(By.cssSelector("[data-status]")).getAttribute("data-status"),
                            tr.getText());
                }).toList();
    }

    /** The pager's words (每页 20 条，共 N 条). */
    public String pager() {
        return b.find(By.cssSelector(".pager")).getText();
    }

    public LeaderPage openLeader(long id) {
        Forms.press(b, By.cssSelector("[data-testid=leaders-table] a[data-testid=leader-link][href$='/leaders/" + id
                + "']"));
        b.wait.until(ExpectedConditions.urlContains("#/leaders/" + id));
        return new LeaderPage(b, platform).waitLoaded();
    }

    public NominationPage nominate() {
        Forms.press(b, By.cssSelector("[data-testid=nominate]"));
        b.wait.until(ExpectedConditions.urlContains("#/leaders/new"));
        return new NominationPage(b, platform).waitLoaded();
    }
}
