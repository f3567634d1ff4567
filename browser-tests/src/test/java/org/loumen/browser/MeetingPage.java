package org.loumen.browser;

/** One meeting: recording it once held (attendance, minutes, action items), and its record. */
class MeetingPage extends WorkPage {

    MeetingPage(Browser browser, Platform platform) {
        super(browser, platform);
    }

    MeetingPage attended(long leaderId) {
        click("attendee-" + leaderId);
        return this;
    }

    MeetingPage minutes(String text) {
        type("record-minutes", text);
        return this;
    }

    MeetingPage actionItem(String owner, String text) {
        click("item-add");
        int i = b.driver.findElements(org.openqa.selenium.By.cssSelector("[data-testid^='item-text-']")).size() - 1;
        type("item-owner-" + i, owner);
        type("item-text-" + i, text);
        return this;
    }

    MeetingPage save() {
        click("record-submit");
        waitText("meeting-state", "已召开");
        return this;
    }

    String attendees() {
        return textOf("meeting-attendees");
    }

    String items() {
        return textOf("meeting-items");
    }
}
