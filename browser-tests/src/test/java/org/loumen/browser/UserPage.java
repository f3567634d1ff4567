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
}
