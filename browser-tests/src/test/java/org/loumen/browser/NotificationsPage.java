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
}
