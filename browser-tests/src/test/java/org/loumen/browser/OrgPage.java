package org.loumen.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** 组织架构: the tree with its codes, and the selected node's panel with what may be done there. */
public class OrgPage extends ConsolePage {

    public OrgPage(Browser b, Platform platform) {
        super(b, platform);
    }

    public OrgPage show() {
        go("/org");
        b.find(By.cssSelector("[data-testid=tree]"));
        return this;
    }

    private By row(String code) {
        return By.cssSelector("li[data-node='" + code + "'] > .tree-row");
    }

    /** Waits until the node is in the tree (its parent open and loaded). */
    public OrgPage waitNode(String code) {
        b.find(row(code));
        return this;
    }

    public boolean shows(String code) {
        return !b.driver.findElements(row(code)).isEmpty();
    }

    /** The codes shown in the tree now, in order. */
    public List<String> codes() {
        return b.driver.findElements(By.cssSelector("[data-testid=tree] [data-testid=code]")).stream()
                .map(WebElement::getText).toList();
    }

    /** The name or label the tree shows for the node. */
    public String label(String code) {
        return b.find(By.cssSelector("li[data-node='" + code + "'] > .tree-row .tree-name")).getText();
    }

    public boolean isOpen(String code) {
        List<WebElement> t = b.driver.findElements(By.cssSelector("li[data-node='" + code
                + "'] > .tree-row [data-testid=toggle]"));
        return !t.isEmpty() && "true".equals(t.get(0).getAttribute("aria-expanded"));
    }

    /** Opens or closes a node by its ▸/▾ button. */
    public OrgPage toggle(String code) {
        Forms.press(b, By.cssSelector("li[data-node='" + code + "'] > .tree-row [data-testid=toggle]"));
        return this;
    }

    public OrgPage expand(String code) {
        if (!isOpen(code)) {
            toggle(code);
        }
        return this;
    }

    /** Selects a node: its panel shows on the right. */
    public OrgPage select(String code) {
        Forms.press(b, By.cssSelector("li[data-node='" + code + "'] > .tree-row [data-testid=select]"));
        b.find(By.cssSelector("[data-testid=panel][data-code='" + code + "']"));
        return this;
    }

    /** The code of the node the panel shows. */
    public String selected() {
        return b.find(By.cssSelector("[data-testid=panel]")).getAttribute("data-code");
    }

    /** The actions the panel offers (community, rename, building, unit). */
    public List<String> actions() {
        return b.driver.findElements(By.cssSelector("[data-testid=panel] [data-testid^=action-]")).stream()
                .map(e -> e.getAttribute("data-testid").substring("action-".length())).toList();
    }

    public OrgPage action(String name) {
        Forms.press(b, By.cssSelector("[data-testid=panel] [data-testid=action-" + name + "]"));
        b.find(By.cssSelector("[data-testid=panel] form"));
        return this;
    }

    public OrgPage type(String field, String value) {
        Forms.type(b.find(By.cssSelector("[data-testid=panel] form input[name=" + field + "]")), value);
        return this;
    }

    public String value(String field) {
        return b.find(By.cssSelector("[data-testid=panel] form input[name=" + field + "]")).getAttribute("value");
    }

    /** Saves the open form and waits until it closed (saved) or says why not (anew). */
    public OrgPage save() {
        By said = By.cssSelector("[data-testid=panel] form .alert, [data-testid=panel] form .invalid-feedback");
        List<WebElement> before = b.driver.findElements(said);
        Forms.press(b, By.cssSelector("[data-testid=form-submit]"));
        b.wait.until(d -> {
            if (d.findElements(By.cssSelector("[data-testid=panel] form")).isEmpty()) {
                return true;
            }
            List<WebElement> now = d.findElements(said);
            return !now.isEmpty() && (before.isEmpty() || !now.get(0).equals(before.get(0)));
        });
        return this;
    }

    public boolean formOpen() {
        return !b.driver.findElements(By.cssSelector("[data-testid=panel] form")).isEmpty();
    }

    public String stale() {
        return b.find(By.cssSelector("[data-testid=panel] [data-testid=stale]")).getText();
    }
}
