package org.loumen.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/** 住户: households by community and unit, their special-group tags where the user may see them, edit and add. */
public class HouseholdsPage extends ConsolePage {

    public HouseholdsPage(Browser b, Platform platform) {
        super(b, platform);
    }

    /** Opens the list with filters in the address (community, unit, group). */
    public HouseholdsPage show(String query) {
        open("/households" + (query.isEmpty() ? "" : "?" + query));
        return waitLoaded();
    }

    public HouseholdsPage waitLoaded() {
        b.wait.until(d -> "true".equals(d.findElement(By.cssSelector("[data-testid=households-table]"))
                .getAttribute("data-loaded")) && !rows().isEmpty());
        return this;
    }

    public List<WebElement> rows() {
        return b.driver.findElements(By.cssSelector("[data-testid=households-table] tbody tr")).stream()
                .filter(tr -> !tr.findElements(By.cssSelector("[data-testid=view]")).isEmpty()).toList();
    }

    /** The rows' text once the condition holds for them (the list re-renders as it reloads). */
    public List<String> rowsWhen(java.util.function.Predicate<List<String>> condition) {
        return b.wait.until(d -> {
            try {
                List<String> texts = rows().stream().map(WebElement::getText).toList();
                return condition.test(texts) ? texts : null;
            } catch (StaleElementReferenceException e) {
                return null;
            }
        });
    }

    /** The pager's words on the total, e.g. 每页 20 条，超过 1 万条. */
    public String pagerTotal() {
        return b.driver.findElement(By.cssSelector("[data-testid=households-table] [data-testid=pager-total]"))
                .getText();
    }

    /** The pager's current page as shown, e.g. 第 2 页 or 1 / 3. */
    public String pagerPage() {
        return b.driver.findElement(By.cssSelector("[data-testid=households-table] [data-testid=pager-page]"))
                .getText();
    }

    /** Presses 下一页 (next) or 上一页 (previous). */
    public HouseholdsPage turn(boolean next) {
        b.click(By.cssSelector("[data-testid=households-table] .pagination li:" + (next ? "last" : "first")
                + "-child button"));
        return this;
    }

    /** Brings the pager to the middle of the window (for a screenshot that shows it). */
    public HouseholdsPage showPager() {
        ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript("arguments[0].scrollIntoView({block: "
                + "'center', behavior: 'instant'})", b.driver.findElement(By.cssSelector(
                        "[data-testid=households-table] [data-testid=pager-total]")));
        return this;
    }

    /** Whether the next page button may be pressed. */
    public boolean canTurnNext() {
        List<WebElement> items = b.driver.findElements(By.cssSelector("[data-testid=households-table] .pagination li"));
        return !items.get(items.size() - 1).getAttribute("class").contains("disabled");
    }

    public List<String> headings() {
        return b.driver.findElements(By.cssSelector("[data-testid=households-table] th")).stream()
                .map(WebElement::getText).toList();
    }

    /** The special-group tags shown in the list. */
    public List<String> tags() {
        return b.driver.findElements(By.cssSelector("[data-testid=households-table] [data-testid=tag]")).stream()
                .map(WebElement::getText).toList();
    }

    public boolean canFilterByGroup() {
        return !b.driver.findElements(By.cssSelector("[data-testid=filter-group]")).isEmpty();
    }

    public HouseholdsPage filter(String key, String value) {
        Forms.choose(b.find(By.cssSelector("[data-testid=filter-" + key + "]")), value);
        return this;
    }

    /** Opens the edit form of the row whose text contains the words. */
    public HouseholdsPage edit(String rowText) {
        rowsWhen(t -> t.stream().anyMatch(r -> r.contains(rowText)));
        Forms.press(b, By.xpath("//*[@data-testid='households-table']//tr[contains(., '" + rowText
                + "')]//button[@data-testid='edit']"));
        b.find(By.cssSelector("[data-testid=household-form]"));
        return this;
    }

    public HouseholdsPage add() {
        Forms.press(b, By.cssSelector("[data-testid=add-household]"));
        b.find(By.cssSelector("[data-testid=household-form]"));
        return this;
    }

    public HouseholdsPage type(String field, String value) {
        Forms.type(b.find(By.cssSelector("[data-testid=household-form] input[name=" + field + "]")), value);
        return this;
    }

    public boolean formHasTags() {
        return !b.driver.findElements(By.cssSelector("[data-testid=household-form] input[type=checkbox]")).isEmpty();
    }

    public HouseholdsPage tick(String group) {
        Forms.press(b, By.cssSelector("label[for=sg-" + group + "]"));
        return this;
    }

    public HouseholdsPage save() {
        Forms.press(b, By.cssSelector("[data-testid=household-save]"));
        return this;
    }

    /** The household's details after a save. */
    public String shown() {
        return b.find(By.cssSelector("[data-testid=household]")).getText();
    }

    public boolean formOpen() {
        return !b.driver.findElements(By.cssSelector("[data-testid=household-form]")).isEmpty();
    }
}
