package org.loumen.browser;

/** One account: its state, disabling it, resetting its password. */
class UserPage extends WorkPage {

    UserPage(Browser browser, Platform platform) {
        super(browser, platform);
    }

    String state() {
        return textOf("user-state");
    }

    /** Presses 停用账号 and answers the confirmation's text after confirming it. */
    String disable() {
        click("user-disable");
        String text = confirm();
        waitText("user-state", "已停用");
        return text;
    }

    String resetPassword() {
        click("user-reset");
        confirm();
        return textOf("temporary-password-value");
    }

    /** Grants a programme role ({@code programme:ROLE}) at a community of the admin's street. */
    void grantProgrammeRole(String qualified, String community) {
        choose("programme-grant-role", qualified);
        choose("programme-grant-community", community);
        click("programme-grant-add");
    }

    /** The programme roles the account holds, as the page lists them. */
    String programmeGrants() {
        return textOf("programme-grant-list");
    }

    /** Revokes the first listed programme role, confirming. */
    String revokeFirstProgrammeRole() {
        b.click(org.openqa.selenium.By.cssSelector("[data-testid='programme-grant-list'] li button"));
        return confirm();
    }
}
