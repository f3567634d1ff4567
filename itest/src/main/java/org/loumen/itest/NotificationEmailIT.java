package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loumen.testkit.SmtpReceiver;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The e-mail channel in the framework: Jakarta Mail finds Angus Mail's SMTP provider inside OSGi; a secretary who chose
 * e-mail for major reports gets one over STARTTLS with the password sent only after it, Chinese first, with a link and
 * no household's details; a kind they did not choose sends nothing; a server without STARTTLS gets nothing in clear
 * text; a bad configuration is named in /health; the password is never shown.
 */
class NotificationEmailIT extends PlatformTest {

    private static final String PASSWORD_SMTP = "smtp-Pw-itest-98765";

    @InjectService
    ConfigurationAdmin configAdmin;

    private Configuration notify;
    private final List<Configuration> channels = new ArrayList<>();

    @BeforeEach
    void fastRetries() throws Exception {
        notify = configAdmin.getConfiguration("org.loumen.notify", "?");
        notify.update(new Hashtable<>(Map.of("deliveryIntervalSeconds", 1, "firstRetrySeconds", 1,
                "maxRetrySeconds", 1, "maxAttempts", 3)));
    }

    @AfterEach
    void restore() throws Exception {
        for (Configuration c : channels) {
            c.delete();
        }
        notify.delete();
    }

    private void email(String name, String host, int port, boolean starttlsRequired) throws Exception {
        Configuration c = configAdmin.getFactoryConfiguration("org.loumen.notify.email", name, "?");
        Hashtable<String, Object> p = new Hashtable<>(Map.of("loumen.notify.channel", "email." + name, "host", host,
                "port", port, "starttlsRequired", starttlsRequired, "tlsTrust", "127.0.0.1", "user", "loumen-itest",
                ".password", PASSWORD_SMTP, "from", "noreply@loumen.test", "timeoutSeconds", 5));
        c.update(p);
        channels.add(c);
    }

    private long major(String unit, String leaderName) throws Exception {
        Http leader = user(leaderName, "LEADER", unit);
        Http.Response filed = leader.json("POST", "/api/v1/reports", Map.of("place", unit, "duty", "SAFETY_PATROLLER",
                "urgency", "MAJOR", "description", "住户李某家中燃气异味"));
        assertEquals(201, filed.status(), filed.body());
        return filed.json().get("id").asLong();
    }

    @Test
    void aSecretaryWhoChoseEmailGetsTheMajorReportOverStartTls() throws Exception {
        String unit = GANGWAN + "B001U02";
        try (SmtpReceiver smtp = new SmtpReceiver(true)) {
            email("tls", "127.0.0.1", smtp.port(), true);
            Http secretary = user("ntf-mail-sec", "COMMUNITY_SECRETARY", GANGWAN);
            Http.until(() -> secretary.get("/api/v1/me/notification-channels"),
                    r -> r.body().contains("email.tls"), 10, "the channel offered to users");
            // bad input first: a clear 400 naming the field
            Http.Response bad = secretary.json("PUT", "/api/v1/me/notification-channels/email.tls",
                    Map.of("address", "not-an-address", "enabled", true));
            assertEquals(400, bad.status(), bad.body());
            assertEquals("address", bad.json().get("field").asText());
            assertEquals(400, secretary.json("PUT", "/api/v1/me/notification-channels/email.tls",
                    Map.of("address", "sec@example.cn", "enabled", true, "kinds", List.of("Bad Kind!"))).status());
            Http.Response chose = secretary.json("PUT", "/api/v1/me/notification-channels/email.tls",
                    Map.of("address", "ntf-mail-sec@example.cn", "enabled", true, "kinds", List.of("report.major")));
            assertEquals(200, chose.status(), chose.body());
            assertEquals("report.major", chose.json().get("kinds").get(0).asText());
            JsonNode mine = secretary.get("/api/v1/me/notification-channels").json();
            boolean listed = false;
            for (JsonNode c : mine) {
                listed |= c.get("channel").asText().equals("email.tls") && c.get("enabled").asBoolean()
                        && c.get("address").asText().equals("ntf-mail-sec@example.cn");
            }
            assertTrue(listed, mine.toString());
            assertTrue(secretary.get("/api/v1/me/notification-kinds").body().contains("重大问题上报"));

            long id = major(unit, "ntf-mail-leader");
            Http admin = admin();
            Http.until(() -> admin.get("/api/v1/notifications/deliveries?state=PENDING"), r -> smtp.received.stream()
                    .anyMatch(m -> SmtpReceiver.body(m.data()).contains("#/reports/" + id)), 30, "the e-mail, "
                    + smtp.commands + admin.get("/api/v1/notifications/deliveries?state=DEAD").body());
            SmtpReceiver.Mail mail = smtp.received.stream()
                    .filter(m -> SmtpReceiver.body(m.data()).contains("#/reports/" + id)).findFirst().orElseThrow();
            assertEquals(List.of("<ntf-mail-sec@example.cn>"), mail.to());
            assertTrue(mail.tls(), "sent inside STARTTLS");
            assertEquals("loumen-itest", mail.user());
            assertEquals(PASSWORD_SMTP, mail.password());
            int starttls = smtp.commands.indexOf("STARTTLS");
            int auth = smtp.commands.indexOf("AUTH");
            assertTrue(starttls >= 0 && starttls < auth, "credentials only after STARTTLS: " + smtp.commands);
            String subject = SmtpReceiver.subject(mail.data());
            assertTrue(subject.startsWith("重大问题上报"), subject);
            String body = SmtpReceiver.body(mail.data());
            assertTrue(body.indexOf("查看") < body.indexOf("Open"), "Chinese first: " + body);
            assertFalse(body.contains("李某"), "no household's details in an external channel: " + body);
            assertTrue(mail.data().contains("X-Loumen-Idempotency-Key: report-major:" + id), mail.data());

            // the password is never shown
            String status = admin.get("/api/v1/notifications/status").body();
            assertTrue(status.contains("email.tls"), status);
            assertFalse(status.contains(PASSWORD_SMTP));
            assertFalse(http.get("/api/v1/health").body().contains(PASSWORD_SMTP));
            Thread.sleep(2000);
            assertEquals(1, smtp.received.stream().filter(m -> SmtpReceiver.body(m.data())
                    .contains("#/reports/" + id)).count(), "sent once");
        }
    }

    @Test
    void noMailInClearTextAndABadConfigurationIsNamedInHealth() throws Exception {
        String unit = GANGWAN + "B002U01";
        try (SmtpReceiver plain = new SmtpReceiver(false)) {
            email("plain", "127.0.0.1", plain.port(), true);
            email("broken", "bad host!", 0, true);
            JsonNode health = Http.until(() -> http.get("/api/v1/health"),
                    r -> r.body().contains("notification channel email.broken"), 10, "named in health").json();
            assertEquals("DEGRADED", health.get("status").asText());
            assertTrue(health.toString().contains("SMTP 服务器地址无效"), health.toString());

            Http secretary = user("ntf-mail-sec2", "COMMUNITY_SECRETARY", GANGWAN);
            Http.until(() -> secretary.get("/api/v1/me/notification-channels"),
                    r -> r.body().contains("email.plain"), 10, "the channel offered to users");
            assertEquals(200, secretary.json("PUT", "/api/v1/me/notification-channels/email.plain",
                    Map.of("address", "ntf-mail-sec2@example.cn", "enabled", true)).status());
            long id = major(unit, "ntf-mail-leader2");
            Http admin = admin();
            JsonNode dead = Http.until(() -> admin.get("/api/v1/notifications/deliveries?state=DEAD"),
                    r -> r.body().contains("report-major:" + id), 30, "the dead letter").json();
            String error = "";
            for (JsonNode d : dead) {
                if (d.get("noticeKey").asText().equals("report-major:" + id)
                        && d.get("channel").asText().equals("email.plain")) {
                    error = d.get("lastError").asText();
                }
            }
            assertTrue(error.contains("邮件未能发出") && error.toUpperCase().contains("STARTTLS"), error);
            assertTrue(plain.received.isEmpty(), "nothing sent in clear text");
            assertFalse(plain.commands.contains("AUTH"), "no password in clear text: " + plain.commands);
            assertFalse(dead.toString().contains(PASSWORD_SMTP));
        }
    }
}
