package org.loumen.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.loumen.testkit.SmtpReceiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * Delivery end to end through {@code loumen.jar}, every channel configured as district IT does it (files in
 * {@code DATA/conf}): a MAJOR report reaches the community secretary's mailbox through the district's SMTP server
 * (STARTTLS, signed in, Chinese first, a link and no household's details); a webhook whose receiver is down is named
 * in {@code /health} and gets the notice exactly once when the receiver comes back; a robot that keeps refusing makes
 * a dead letter after the retry budget, which district IT sees and retries once the robot is fixed.
 */
class NotificationDeliveryE2EIT extends E2EBase {

    private static final String PASSWORD = "E2E-Delivery-2026";
    private static final String SMTP_PASSWORD = "SMTP-e2e-Pa55";
    private static final String UNIT = "120112103001B002U02";
    private static final String HOUSEHOLD_DETAIL = "三楼王某家电线冒烟";
    private static final int ATTEMPTS = 8;

    @Test
    void mailArrivesADownReceiverGetsItOnceAndARefusingRobotMakesADeadLetter() throws Exception {
        List<String> hooks = new CopyOnWriteArrayList<>();
        List<String> robot = new CopyOnWriteArrayList<>();
        AtomicBoolean robotFixed = new AtomicBoolean();
        HttpServer refusing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        refusing.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = robotFixed.get();
            if (ok) {
                robot.add(body);
            }
            // a robot that refuses answers 200 with an errcode (here: the signature does not match)
            byte[] answer = (ok ? "{\"errcode\":0,\"errmsg\":\"ok\"}" : "{\"errcode\":310000,\"errmsg\":\"sign not "
                    + "match\"}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        refusing.start();
        int downPort = freePort(); // nothing listens here until the receiver "comes back"
        HttpServer receiver = null;
        try (SmtpReceiver smtp = new SmtpReceiver(true)) {
            Path data = tmp.resolve("data");
            Path conf = Files.createDirectories(data.resolve("conf"));
            Files.writeString(conf.resolve("org.loumen.notify.cfg"), "deliveryIntervalSeconds=1\nfirstRetrySeconds=1\n"
                    + "maxRetrySeconds=2\nmaxAttempts=" + ATTEMPTS + "\nconsoleBaseUrl=https://loumen.e2e.example\n");
            Files.writeString(conf.resolve("org.loumen.notify.email-district.cfg"),
                    "loumen.notify.channel=email.district\nhost=127.0.0.1\nport=" + smtp.port() + "\n"
                            + "starttlsRequired=true\ntlsTrust=127.0.0.1\nuser=loumen-e2e\n.password=" + SMTP_PASSWORD
                            + "\nfrom=loumen@district.example.cn\nkinds=report.major\n", StandardCharsets.UTF_8);
            Files.writeString(conf.resolve("org.loumen.notify.webhook-down.cfg"), "loumen.notify.channel=webhook.down\n"
                    + "format=JSON\nkinds=report.major\nnode=" + UNIT + "\n.url=http://127.0.0.1:" + downPort
                    + "/hook\n");
            Files.writeString(conf.resolve("org.loumen.notify.webhook-refusing.cfg"),
                    "loumen.notify.channel=webhook.refusing\nformat=DINGTALK\nkinds=report.major\nnode=" + UNIT
                            + "\n.url=http://127.0.0.1:" + refusing.getAddress().getPort() + "/robot/send\n"
                            + ".secret=SEC-wrong-on-purpose\n");
            int port = freePort();
            Process p = start(Map.of("LOUMEN_ADMIN_PASSWORD", PASSWORD), data, port, "--demo");
            awaitHealth(p, port);
            String admin = login(port, "admin", PASSWORD);
            String secretary = NotificationsE2EIT.secretary(this, port, data);

            // the secretary chooses e-mail for MAJOR reports (once the district's channel is up)
            String choice = JSON.writeValueAsString(Map.of("address", "gangwan-e2e@district.example.cn",
                    "enabled", true, "kinds", List.of("report.major")));
            until(() -> send(port, "PUT", "/api/v1/me/notification-channels/email.district", secretary, choice),
                    r -> r.statusCode() == 200, Duration.ofSeconds(30), "the e-mail channel offered");

            long id = file(port, secretary);
            String key = "report-major:" + id;

            // 1. the mail, inside TLS, Chinese first, a link and nothing of the household
            SmtpReceiver.Mail mail = until(() -> smtp.received.stream().filter(m -> m.text().contains(
                    "#/reports/" + id)).findFirst().orElse(null), m -> m != null, Duration.ofSeconds(60),
                    "the e-mail for report " + id);
            assertEquals(List.of("<gangwan-e2e@district.example.cn>"), mail.to());
            assertTrue(mail.tls(), "sent inside STARTTLS");
            assertEquals("loumen-e2e", mail.user());
            assertTrue(mail.subject().startsWith("重大问题上报"), mail.subject());
            String text = mail.text();
            assertTrue(text.contains("https://loumen.e2e.example/#/reports/" + id), text);
            assertTrue(text.indexOf("查看") >= 0 && text.indexOf("查看") < text.indexOf("Open"), "Chinese first: " + text);
            assertFalse(mail.data().contains(HOUSEHOLD_DETAIL) || text.contains(HOUSEHOLD_DETAIL) || text.contains("王某"),
                    "no household's details in an e-mail: " + text);
            assertTrue(mail.data().contains("X-Loumen-Idempotency-Key: " + key + "|email.district|gangwan"),
                    mail.data());

            // 2. the receiver is down: named in /health (without its address), the delivery kept
            String health = until(() -> get(port, "/api/v1/health").body(),
                    b -> b.contains("notification channel webhook.down") && b.contains("UNREACHABLE"),
                    Duration.ofSeconds(60), "the unreachable webhook in /health");
            assertTrue(health.contains("\"status\":\"DEGRADED\""), health);
            assertFalse(health.contains(Integer.toString(downPort)), "the address is not shown: " + health);
            assertFalse(health.contains(SMTP_PASSWORD), health);
            String pending = send(port, "GET", "/api/v1/notifications/deliveries?state=PENDING", admin, null).body();
            assertTrue(pending.contains(key) && pending.contains("webhook.down"), pending);

            // ... it comes back: the notice arrives exactly once, and health no longer names the webhook
            receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", downPort), 0);
            receiver.createContext("/", ex -> {
                hooks.add(ex.getRequestHeaders().getFirst("Idempotency-Key") + " "
                        + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                ex.sendResponseHeaders(204, -1);
                ex.close();
            });
            receiver.start();
            until(() -> hooks.size(), n -> n > 0, Duration.ofSeconds(60), "the webhook after the receiver came back");
            until(() -> get(port, "/api/v1/health").body(), b -> !b.contains("notification channel webhook.down"),
                    Duration.ofSeconds(30), "health no longer naming webhook.down");
            Thread.sleep(3000);
            assertEquals(1, hooks.size(), "delivered exactly once: " + hooks);
            assertTrue(hooks.get(0).startsWith(key + "|webhook.down "), hooks.get(0));
            JsonNode message = JSON.readTree(hooks.get(0).substring(hooks.get(0).indexOf(' ') + 1));
            assertEquals("report.major", message.get("kind").asText());
            assertFalse(hooks.get(0).contains(HOUSEHOLD_DETAIL), hooks.get(0));

            // 3. the refusing robot: a dead letter after the whole budget, seen by district IT only
            JsonNode dead = until(() -> deadLetter(port, admin, key), d -> d != null, Duration.ofSeconds(90),
                    "the dead letter of webhook.refusing");
            assertEquals(ATTEMPTS, dead.get("attempts").asInt(), dead.toString());
            assertTrue(dead.get("lastError").asText().contains("310000"), dead.toString());
            assertTrue(dead.get("title").asText().startsWith("重大问题上报"), dead.toString());
            assertEquals(403, send(port, "GET", "/api/v1/notifications/deliveries?state=DEAD", secretary, null)
                    .statusCode());
            assertTrue(robot.isEmpty());
            String status = send(port, "GET", "/api/v1/notifications/status", admin, null).body();
            assertFalse(status.contains("SEC-wrong-on-purpose") || status.contains(SMTP_PASSWORD), status);

            // ... the robot is fixed and district IT retries it: delivered once, no longer dead
            robotFixed.set(true);
            long deliveryId = dead.get("id").asLong();
            assertEquals(204, send(port, "POST", "/api/v1/notifications/deliveries/" + deliveryId + "/retry", admin,
                    null).statusCode());
            until(() -> robot.size(), n -> n > 0, Duration.ofSeconds(30), "the retried dead letter");
            assertEquals(404, send(port, "POST", "/api/v1/notifications/deliveries/" + deliveryId + "/retry", admin,
                    null).statusCode(), "no longer a dead letter");
            Thread.sleep(2000);
            assertEquals(1, robot.size(), "retried once: " + robot);
            assertTrue(robot.get(0).contains("#/reports/" + id), robot.get(0));
            assertEquals(null, deadLetter(port, admin, key));
            // nothing lost: e-mail, webhook and robot each sent once, nothing pending for this report
            String sent = send(port, "GET", "/api/v1/notifications/deliveries?state=SENT&size=500", admin, null).body();
            for (String channel : List.of("email.district", "webhook.down", "webhook.refusing")) {
                assertTrue(sent.contains(channel), channel + " in " + sent);
            }
            assertFalse(send(port, "GET", "/api/v1/notifications/deliveries?state=PENDING", admin, null).body()
                    .contains(key));
            assertEquals(1, smtp.received.stream().filter(m -> m.text().contains("#/reports/" + id)).count(),
                    "one e-mail");
        } finally {
            refusing.stop(0);
            if (receiver != null) {
                receiver.stop(0);
            }
        }
    }

    private JsonNode deadLetter(int port, String admin, String key) throws Exception {
        JsonNode list = json(send(port, "GET", "/api/v1/notifications/deliveries?state=DEAD", admin, null), 200);
        for (JsonNode d : list) {
            if (d.get("noticeKey").asText().equals(key) && d.get("channel").asText().equals("webhook.refusing")) {
                return d;
            }
        }
        return null;
    }

    private long file(int port, String token) throws Exception {
        HttpResponse<String> r = send(port, "POST", "/api/v1/reports", token, JSON.writeValueAsString(Map.of(
                "place", UNIT, "duty", "SAFETY_PATROLLER", "urgency", "MAJOR", "description", HOUSEHOLD_DETAIL)));
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asLong();
    }
}
