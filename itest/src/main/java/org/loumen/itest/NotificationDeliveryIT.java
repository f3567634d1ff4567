package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Channels: a DingTalk robot webhook receives a MAJOR report's notice, signed; a receiver that is down for a while gets
 * it once when it returns; a receiver that never answers leaves a dead letter after the retry budget, which district IT
 * sees and retries; a malformed address is named in /health and its notices wait. Never the secret in an answer.
 */
class NotificationDeliveryIT extends PlatformTest {

    private static final String SECRET = "SEC-itest-0123456789abcdef";

    @InjectService
    ConfigurationAdmin configAdmin;

    private Configuration notify;
    private final List<Configuration> channels = new java.util.ArrayList<>();

    @BeforeEach
    void fastRetries() throws Exception {
        notify = configAdmin.getConfiguration("org.loumen.notify", "?");
        notify.update(new Hashtable<>(Map.of("deliveryIntervalSeconds", 1, "firstRetrySeconds", 1,
                "maxRetrySeconds", 1, "maxAttempts", 4)));
    }

    @AfterEach
    void restore() throws Exception {
        for (Configuration c : channels) {
            c.delete();
        }
        notify.delete();
    }

    private void webhook(String name, String url, String node) throws Exception {
        Configuration c = configAdmin.getFactoryConfiguration("org.loumen.notify.webhook", name, "?");
        Dictionary<String, Object> p = new Hashtable<>(Map.of("loumen.notify.channel", "webhook." + name,
                "format", "DINGTALK", ".url", url, ".secret", SECRET, "node", node, "kinds", "report.major"));
        c.update(p);
        channels.add(c);
    }

    private long major(String unit, String leaderName) throws Exception {
        Http leader = user(leaderName, "LEADER", unit);
        Http.Response filed = leader.json("POST", "/api/v1/reports", Map.of("place", unit, "duty", "SAFETY_PATROLLER",
                "urgency", "MAJOR", "description", "住户王某家中漏水"));
        assertEquals(201, filed.status(), filed.body());
        return filed.json().get("id").asLong();
    }

    @Test
    void aDingTalkRobotGetsASignedMessageAndARestoredReceiverGetsItOnce() throws Exception {
        String unit = GANGWAN + "B003U01";
        try (Receiver robot = new Receiver()) {
            webhook("ding", "http://127.0.0.1:" + robot.port() + "/robot/send?access_token=tok123", unit);
            Http admin = admin();
            Http.until(() -> admin.get("/api/v1/notifications/status"), r -> r.body().contains("webhook.ding"), 10,
                    "the channel registered");

            long id = major(unit, "ntf-d-leader");
            Http.until(() -> http.get("/api/v1/health/live"), r -> !robot.received.isEmpty(), 20, "the webhook");
            Receiver.Received got = robot.received.get(0);
            assertTrue(got.target().startsWith("/robot/send?access_token=tok123&timestamp="), got.target());
            Map<String, String> q = query(got.target());
            long timestamp = Long.parseLong(q.get("timestamp"));
            assertTrue(Math.abs(System.currentTimeMillis() - timestamp) < 60 * 60 * 1000, "DingTalk refuses old ones");
            assertEquals(expectedSign(timestamp), q.get("sign"), "HmacSHA256(secret, timestamp\\nsecret), Base64");
            JsonNode body = Http.JSON.readTree(got.body());
            assertEquals("markdown", body.get("msgtype").asText());
            assertTrue(body.get("markdown").get("title").asText().startsWith("重大问题上报"), got.body());
            assertTrue(body.get("markdown").get("text").asText().contains("#/reports/" + id), got.body());
            assertFalse(got.body().contains("王某"), "no household's details in an external channel");
            assertTrue(got.headers().containsKey("idempotency-key"), got.headers().toString());

            // the receiver is down for a while: the notice waits, then arrives once
            robot.down();
            int before = robot.received.size();
            long second = major(unit, "ntf-d-leader");
            Http.until(() -> admin.get("/api/v1/notifications/deliveries?state=PENDING"),
                    r -> r.body().contains("report-major:" + second) && r.body().contains("无法连接"), 20,
                    "a failed attempt recorded");
            robot.up();
            Http.until(() -> http.get("/api/v1/health/live"), r -> robot.received.size() > before, 20,
                    "delivery after the receiver returned");
            Thread.sleep(2500); // a few more worker rounds: nothing is sent twice
            assertEquals(1, robot.received.stream().filter(x -> x.body().contains("#/reports/" + second)).count());
            assertFalse(admin.get("/api/v1/notifications/status").body().contains(SECRET));
            assertFalse(admin.get("/api/v1/notifications/status").body().contains("tok123"));
        }
    }

    @Test
    void aReceiverThatNeverAnswersLeavesADeadLetterThatCanBeRetried() throws Exception {
        String unit = GANGWAN + "B003U02";
        int closedPort;
        try (Receiver gone = new Receiver()) {
            closedPort = gone.port();
        }
        webhook("gone", "http://127.0.0.1:" + closedPort + "/hook", unit);
        Http admin = admin();
        Http.until(() -> admin.get("/api/v1/notifications/status"), r -> r.body().contains("webhook.gone"), 10,
                "the channel registered");
        long id = major(unit, "ntf-g-leader");
        JsonNode dead = Http.until(() -> admin.get("/api/v1/notifications/deliveries?state=DEAD"),
                r -> r.body().contains("report-major:" + id), 30, "the dead letter").json();
        JsonNode letter = null;
        for (JsonNode d : dead) {
            if (d.get("noticeKey").asText().equals("report-major:" + id)) {
                letter = d;
            }
        }
        assertEquals("webhook.gone", letter.get("channel").asText());
        assertEquals(4, letter.get("attempts").asInt(), "the retry budget");
        assertTrue(letter.get("lastError").asText().contains("无法连接"), letter.toString());
        JsonNode health = http.get("/api/v1/health").json();
        assertTrue(health.toString().contains("notification channel webhook.gone"), health.toString());

        Http secretary = user("ntf-secretary", "COMMUNITY_SECRETARY", GANGWAN);
        String retry = "/api/v1/notifications/deliveries/" + letter.get("id").asLong() + "/retry";
        assertEquals(403, secretary.send("POST", retry, null, null).status(), "district IT only");
        assertEquals(204, admin.send("POST", retry, null, null).status());
        assertEquals(404, admin.send("POST", "/api/v1/notifications/deliveries/999999999/retry", null, null)
                .status());
        // retried: back in the outbox (it will fail again here, and again be listed)
        Http.until(() -> admin.get("/api/v1/notifications/deliveries?state=DEAD"),
                r -> r.body().contains("report-major:" + id), 30, "dead again after a fresh budget");
        assertEquals(400, admin.get("/api/v1/notifications/deliveries?state=LOST").status());
    }

    @Test
    void aMalformedAddressIsNamedInHealthAndItsNoticesWait() throws Exception {
        String unit = GANGWAN + "B004U01";
        webhook("broken", "not a url", unit);
        Http admin = admin();
        JsonNode health = Http.until(() -> http.get("/api/v1/health"),
                r -> r.body().contains("notification channel webhook.broken"), 10, "named in health").json();
        assertEquals("DEGRADED", health.get("status").asText());
        assertFalse(health.toString().contains("not a url"), "the address is not shown (robot addresses hold tokens)");
        long id = major(unit, "ntf-b-leader");
        Thread.sleep(3000);
        JsonNode pending = admin.get("/api/v1/notifications/deliveries?state=PENDING").json();
        boolean waiting = false;
        for (JsonNode d : pending) {
            waiting |= d.get("noticeKey").asText().equals("report-major:" + id) && d.get("attempts").asInt() == 0;
        }
        assertTrue(waiting, "kept, no attempt used: " + pending);
        assertFalse(admin.get("/api/v1/notifications/deliveries?state=DEAD").body().contains("report-major:" + id));
    }

    private static String expectedSign(long timestamp) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + SECRET)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> query(String target) {
        Map<String, String> out = new HashMap<>();
        for (String kv : target.substring(target.indexOf('?') + 1).split("&")) {
            int eq = kv.indexOf('=');
            out.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
