package org.loumen.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console as a person uses it: sign in, change the password, open a menu entry, switch language, sign out.
 * Tests read as the user's story; markup details stay here.
 */
public class ConsolePage {

    protected final Browser b;
    protected final Platform platform;

    public ConsolePage(Browser browser, Platform platform) {
        this.b = browser;
        this.platform = platform;
    }

    /** Opens a console address such as {@code /leaders} (the part after '#'). */
    public ConsolePage open(String path) {
        b.driver.get(platform.base() + "/#" + path);
        return this;
    }

    /** Types the user's credentials into the sign-in form and submits. */
    public ConsolePage submitSignIn(String user, String password) {
        WebElement name = b.find(By.name("username"));
        name.clear();
        name.sendKeys(user);
        WebElement pw = b.find(By.name("password"));
        pw.clear();
        pw.sendKeys(password);
        b.click(By.cssSelector("[data-testid=signin-submit]"));
        return this;
    }

    /**
     * Signs the user in as they would: on the sign-in page, with their current password; at the first sign-in the
     * console insists on a new password, which this sets to {@link Platform#NEW_PASSWORD}.
     */
    public ConsolePage signIn(String user) {
        if (!b.driver.getCurrentUrl().contains("#/login")) {
            open("/login");
        }
        submitSignIn(user, platform.password(user));
        if (platform.firstPassword(user)) {
            changePassword(platform.password(user), Platform.NEW_PASSWORD);
            platform.passwordChanged(user);
        }
        waitForMenu();
        return this;
    }

    /** Fills the password form (forced or voluntary) and saves. */
    public ConsolePage changePassword(String current, String next) {
        b.wait.until(ExpectedConditions.urlContains("#/password"));
        List<WebElement> fields = b.driver.findElements(By.cssSelector("input[type=password]"));
        b.wait.until(d -> d.findElements(By.cssSelector("input[type=password]")).size() == 3);
        fields = b.driver.findElements(By.cssSelector("input[type=password]"));
        fields.get(0).sendKeys(current);
        fields.get(1).sendKeys(next);
        fields.get(2).sendKeys(next);
        b.click(By.cssSelector("[data-testid=password-submit]"));
        return this;
    }

    /** Waits until the left menu is there (signed in, past any forced change). */
    public ConsolePage waitForMenu() {
        b.wait.until(d -> !d.findElements(By.cssSelector("#sidenav .nav-link")).isEmpty());
        return this;
    }

    /** The menu entries the user sees, as text. */
    public List<String> menu() {
        waitForMenu();
        return b.driver.findElements(By.cssSelector("#sidenav .nav-link .nav-label")).stream()
                .map(e -> (String) ((JavascriptExecutor) b.driver).executeScript("return arguments[0].textContent;", e))
                .map(String::trim).toList();
    }

    /** Opens a page from the left menu by its address, e.g. {@code /leaders}; on a phone, through the 菜单 button. */
    public ConsolePage go(String path) {
        openMenuIfFolded();
        b.click(By.cssSelector("#sidenav [data-nav='" + path + "']"));
        b.wait.until(ExpectedConditions.urlContains("#" + path));
        return this;
    }

    /** Opens a programme's page from the menu. */
    public ConsolePage goProgramme(String id) {
        openMenuIfFolded();
        b.click(By.cssSelector("#sidenav [data-programme='" + id + "']"));
        return this;
    }

    public boolean hasProgrammeInMenu(String id) {
        return !b.driver.findElements(By.cssSelector("#sidenav [data-programme='" + id + "']")).isEmpty();
    }

    private void openMenuIfFolded() {
        List<WebElement> toggle = b.driver.findElements(By.cssSelector(".menu-toggle"));
        if (!toggle.isEmpty() && toggle.get(0).isDisplayed()
                && "false".equals(toggle.get(0).getAttribute("aria-expanded"))) {
            toggle.get(0).click();
        }
    }

    /** Switches between 中文 and English. */
    public ConsolePage switchLanguage() {
        b.click(By.cssSelector("[data-testid=lang]"));
        return this;
    }

    public ConsolePage signOut() {
        b.click(By.cssSelector("[data-testid=user-menu]"));
        b.click(By.cssSelector("[data-testid=sign-out]"));
        b.wait.until(ExpectedConditions.urlContains("#/login"));
        return this;
    }

    /** The page's heading (h1). */
    public String heading() {
        return b.find(By.cssSelector("main h1")).getText();
    }

    /** Waits until the main area shows the words. */
    public ConsolePage waitFor(String text) {
        b.wait.until(d -> d.findElement(By.id("main")).getText().contains(text));
        return this;
    }

    /** Confirms the dialog an irreversible action asks, and returns its text. */
    public String confirm() {
        WebElement dialog = b.find(By.cssSelector("[data-testid=confirm]"));
        String text = dialog.getText();
        b.click(By.cssSelector("[data-testid=confirm-ok]"));
        return text;
    }
}
