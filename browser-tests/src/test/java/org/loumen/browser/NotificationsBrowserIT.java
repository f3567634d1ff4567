package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 通知: a leader reports a MAJOR problem; the community's secretary sees the bell's count, opens the list, goes to the
 * report, marks everything read; on a phone the bell stays in the top bar; district IT sees the deliveries.
 */
class NotificationsBrowserIT extends WorkBase {

    private static final String UNIT = "120112103001B002U02";

    @Test
    void theSecretaryHearsOfAMajorReportAndReadsIt() throws Exception {
        platform.post("13900000005", "/api/v1/reports", Map.of("place", UNIT, "duty", "SANITATION_SUPERVISOR",
                "urgency", "MAJOR", "description", "化粪池外溢"), 201);
        JsonNode filed = platform.post("13900000005", "/api/v1/reports", Map.of("place", UNIT, "duty",
                "SAFETY_PATROLLER", "urgency", "MAJOR", "description", "楼道电线老化冒烟"), 201);
        long id = filed.get("id").asLong();

        Browser b = browser("notifications", Browser.DESKTOP);
        NotificationsPage inbox = new NotificationsPage(b, platform);
        inbox.signIn("gangwan");
        assertTrue(inbox.unreadOnBell() >= 2);
        b.shot("1-bell");
        inbox.openFromBell();
        List<String> notices = inbox.notices();
        // both reports are heard of; which of two reports filed a few milliseconds apart is listed first depends on
        // which event was handled first (Event Admin delivers events posted from two request threads in parallel)
        assertTrue(notices.get(0).contains("重大问题上报"), notices.toString());
        assertTrue(notices.stream().anyMatch(n -> n.contains("#" + id)), notices.toString());
        java.util.regex.Matcher first = java.util.regex.Pattern.compile("问题 #(\\d+)").matcher(notices.get(0));
        assertTrue(first.find(), notices.get(0));
        assertTrue(inbox.unreadInList() >= 1);
        b.shot("2-list");
        b.assertAccessible("notifications");

        String went = inbox.openFirst();
        assertTrue(went.endsWith("#/reports/" + first.group(1)), went);
        inbox.openFromBell();
        inbox.markAllRead();
        b.wait.until(d -> !inbox.bellShowsCount());
        b.shot("3-all-read");
        assertEquals(0, platform.get("gangwan", "/api/v1/me/notifications/unread-count").get("unread").asInt());

        Browser phone = browser("notifications-phone", Browser.PHONE);
        NotificationsPage small = new NotificationsPage(phone, platform);
        small.signIn("shuanggang");
        assertTrue(small.unreadOnBell() >= 1, "the street admin hears of it too");
        small.openFromBell();
        assertTrue(small.notices().get(0).contains("重大问题上报"));
        phone.shot("phone-list");
        assertAccessiblePhone(phone, "notifications on a phone");
    }

    @Test
    void districtItSeesTheDeliveriesAndNoOtherStreetHears() throws Exception {
        platform.post("13900000005", "/api/v1/reports", Map.of("place", UNIT, "duty", "SAFETY_PATROLLER",
                "urgency", "MAJOR", "description", "楼顶漏水"), 201);
        Browser b = browser("notifications-admin", Browser.DESKTOP);
        NotificationsPage page = new NotificationsPage(b, platform);
        page.signIn("admin");
        page.openFromBell();
        String deliveries = page.deliveries();
        assertTrue(deliveries.contains("死信") && deliveries.contains("待投递"), deliveries);
        b.shot("district-deliveries");
        b.assertAccessible("deliveries");
        page.signOut();

        page.signIn("shuangxin");
        page.openFromBell();
        settleEmpty(page);
        assertFalse(b.text().contains("重大问题上报"), "another street hears nothing of it");
        b.shot("other-street-empty");
    }

    @Test
    void aUserChoosesEmailForMajorReports() throws Exception {
        // district IT sets up the e-mail channel as an operator does (no server needed to choose it)
        configure("org.loumen.notify.email-browser", "loumen.notify.channel=email.browser\nhost=127.0.0.1\n"
                + "port=2525\nfrom=noreply@loumen.test\n");
        try {
            Browser b = browser("notifications-email", Browser.DESKTOP);
            NotificationsPage page = new NotificationsPage(b, platform);
            page.signIn("shuangxin");
            page.openFromBell();
            String form = page.channelForm("email.browser");
            assertTrue(form.contains("我的电子邮箱") && form.contains("重大问题上报"), form);
            page.chooseChannel("not-an-address", "report.major");
            assertTrue(page.channelError().contains("电子邮箱格式不正确"), "a clear message under the field");
            b.shot("email-bad-address");
            page.chooseChannel("shuangxin-office@example.cn");
            b.wait.until(d -> {
                try {
                    JsonNode mine = platform.get("shuangxin", "/api/v1/me/notification-channels");
                    for (JsonNode c : mine) {
                        if (c.get("channel").asText().equals("email.browser") && c.get("enabled").asBoolean()
                                && c.get("address").asText().equals("shuangxin-office@example.cn")) {
                            return c.get("kinds").toString().contains("report.major");
                        }
                    }
                    return false;
                } catch (Exception e) {
                    return false;
                }
            });
            b.shot("email-chosen");
            b.assertAccessible("my channels");

            Browser phone = browser("notifications-email-phone", Browser.PHONE);
            NotificationsPage small = new NotificationsPage(phone, platform);
            small.signIn("shuangxin");
            small.openFromBell();
            assertTrue(small.channelForm("email.browser").contains("我的电子邮箱"));
            phone.find(org.openqa.selenium.By.cssSelector("[data-testid='my-channels']"));
            ((org.openqa.selenium.JavascriptExecutor) phone.driver).executeScript(
                    "document.querySelector(\"[data-testid='my-channels']\").scrollIntoView({block:'start'})");
            phone.shot("email-phone");
        } finally {
            java.nio.file.Files.deleteIfExists(dataDir().resolve("conf").resolve("org.loumen.notify.email-browser.cfg"));
        }
    }

    private static void settleEmpty(NotificationsPage page) {
        page.settle();
    }
}
