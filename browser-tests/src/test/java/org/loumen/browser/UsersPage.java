package org.loumen.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** 账号: the list and the form to create an account. */
class UsersPage extends WorkPage {

    UsersPage(Browser browser, Platform platform) {
        super(browser, platform);
    }

    UsersPage openList() {
        goAndSettle("/users");
        return this;
    }

    UsersPage startNew(String username, String displayName) {
        click("user-new");
        type("user-username", username);
        type("user-display", displayName);
        return this;
    }

    /** The roles the form offers, as their words. */
    List<String> offeredRoles() {
        return new Select(el("new-binding-role")).getOptions().stream().map(WebElement::getText).toList();
    }

    UsersPage addRole(String role, String community) {
        choose("new-binding-role", role);
        choose("new-binding-community", community);
        click("new-binding-add");
        return this;
    }

    /** Creates the account and answers the temporary password shown once. */
    String create() {
        click("user-submit");
        return textOf("temporary-password-value");
    }

    UsersPage dismissPassword() {
        click("temporary-password-done");
        b.wait.until(d -> d.findElements(id("temporary-password")).isEmpty());
        return this;
    }

    List<String> accounts() {
        settle();
        return rows("user-list");
    }

    UserPage view(String username) {
        b.click(By.cssSelector("a[href='#/users/" + username + "']"));
        UserPage p = new UserPage(b, platform);
        p.el("user-state");
        return p;
    }
}
