package org.loumen.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** 通知: the bell in the top bar with its unread count, the inbox list, 全部标为已读, district IT's deliveries. */
class NotificationsPage extends WorkPage {

    NotificationsPage(Browser browser, Platform platform) {
        super(browser, platform);
    }

    /** Waits until the bell shows at least one unread notice and answers its number. */
    int unreadOnBell() {
        b.wait.until(d -> !d.findElements(id("inbox-count")).isEmpty());
        return Integer.parseInt(textOf("inbox-count").replace("+", ""));
    }

    boolean bellShowsCount() {
        return !b.driver.findElements(id("inbox-count")).isEmpty();
    }

    NotificationsPage openFromBell() {
        click("inbox-bell");
        b.wait.until(d -> d.getCurrentUrl().contains("#/notifications"));
        settle();
        return this;
    }

    /** The text of each notice in the list. */
    List<String> notices() {
        settle();
        b.wait.until(d -> !d.findElements(By.cssSelector("[data-testid='notice']")).isEmpty());
        return b.driver.findElements(By.cssSelector("[data-testid='notice']")).stream().map(WebElement::getText)
                .toList();
    }

    long unreadInList() {
        return b.driver.findElements(By.cssSelector("[data-testid='notice'][data-read='false']")).size();
    }

    NotificationsPage markAllRead() {
        click("read-all");
        b.wait.until(d -> d.findElements(By.cssSelector("[data-testid='notice'][data-read='false']")).isEmpty());
        return this;
    }

    /** Opens the first notice's object and answers the address it went to. */
    String openFirst() {
        b.click(By.cssSelector("[data-testid='notice'] [data-testid='notice-open']"));
        b.wait.until(d -> !d.getCurrentUrl().contains("#/notifications"));
        return b.driver.getCurrentUrl();
    }

    String deliveries() {
        b.wait.until(d -> !d.findElements(id("deliveries")).isEmpty());
        return textOf("deliveries");
    }

    /** Waits for the e-mail channel's form in 我的接收方式 and answers its text. */
    String channelForm(String channel) {
        b.wait.until(d -> !d.findElements(By.cssSelector("[data-testid='channel-choice'][data-channel='" + channel
                + "']")).isEmpty());
        return b.find(By.cssSelector("[data-testid='channel-choice'][data-channel='" + channel + "']")).getText();
    }

    /** Types the address, switches the channel on, ticks the kinds given, and saves. */
    NotificationsPage chooseChannel(String address, String... kinds) {
        type("channel-address", address);
        if (!el("channel-enabled").isSelected()) {
            click("channel-enabled");
        }
        for (String k : kinds) {
            By box = By.cssSelector("[data-testid='channel-kind'][data-kind='" + k + "']");
            if (!b.find(box).isSelected()) {
                b.click(box);
            }
        }
        click("channel-save");
        return this;
    }

    /** Waits for the error under a field of the channel's form and answers it. */
    String channelError() {
        b.wait.until(d -> !d.findElements(By.cssSelector("[data-testid='channel-choice'] .invalid-feedback"))
                .isEmpty());
        return b.find(By.cssSelector("[data-testid='channel-choice'] .invalid-feedback")).getText();
    }
}
