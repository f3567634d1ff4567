package org.loumen.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * Notifications end to end, configured as an operator does (DATA/conf/*.cfg): a MAJOR report reaches a local
 * DingTalk-style robot, signed with the configured secret; a webhook with a malformed address is named in /health and
 * its notice is kept, then delivered once the address is fixed.
 */
class NotificationsE2EIT extends E2EBase {

    private static final String PASSWORD = "E2E-Notify-2026";
    private static final String SECRET = "SEC-e2e-secret-42";
    private static final String UNIT = "120112103001B002U02";

    record Received(String target, String body) {
    }

    @Test
    void aMajorReportReachesTheRobotSignedAndABrokenWebhookKeepsItsNotices() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer robot = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        robot.createContext("/", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            received.add(new Received(ex.getRequestURI().toString(), new String(body, StandardCharsets.UTF_8)));
            byte[] answer = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        robot.start();
        try {
            Path data = tmp.resolve("data");
            Path conf = Files.createDirectories(data.resolve("conf"));
            Files.writeString(conf.resolve("org.loumen.notify.cfg"),
                    "deliveryIntervalSeconds=1\nfirstRetrySeconds=1\nmaxRetrySeconds=2\n");
            String robotUrl = "http://127.0.0.1:" + robot.getAddress().getPort() + "/robot/send?access_token=e2e";
            Files.writeString(conf.resolve("org.loumen.notify.webhook-ding.cfg"), "loumen.notify.channel=webhook.ding\n"
                    + "format=DINGTALK\nkinds=report.major\nnode=" + UNIT + "\n.url=" + robotUrl + "\n.secret=" + SECRET
                    + "\n");
            int port = freePort();
            Process p = start(Map.of("LOUMEN_ADMIN_PASSWORD", PASSWORD), data, port, "--demo");
            awaitHealth(p, port);
            String admin = login(port, "admin", PASSWORD);
            String secretary = secretary(this, port, data);

            long id = file(port, secretary, "楼道电线冒烟");
            await(() -> received.stream().anyMatch(r -> r.body().contains("#/reports/" + id)), "the robot message");
            Received got = received.stream().filter(r -> r.body().contains("#/reports/" + id)).findFirst().get();
            Map<String, String> q = query(got.target());
            assertEquals("e2e", q.get("access_token"));
            assertEquals(sign(Long.parseLong(q.get("timestamp"))), q.get("sign"), "DingTalk's signature");
            JsonNode body = JSON.readTree(got.body());
            assertEquals("markdown", body.get("msgtype").asText());
            assertTrue(body.get("markdown").get("title").asText().startsWith("重大问题上报"), got.body());
            assertFalse(got.body().contains("楼道电线冒烟"), "the robot gets a link, not the report's text");

            // an operator breaks a second webhook's address: named in /health, its notice waits
            Path broken = conf.resolve("org.loumen.notify.webhook-broken.cfg");
            Files.writeString(broken, "loumen.notify.channel=webhook.broken\nformat=WECOM\nkinds=report.major\n"
                    + "node=" + UNIT + "\n.url=htp:/nowhere\n");
            await(() -> health(port).contains("notification channel webhook.broken"), "the broken webhook in /health");
            String health = health(port);
            assertTrue(health.contains("\"status\":\"DEGRADED\"") && health.contains("MISCONFIGURED"), health);
            assertFalse(health.contains("nowhere"), "the address is not shown");
            int before = received.size();
            long second = file(port, secretary, "顶楼漏水");
            await(() -> received.size() > before, "the good robot still delivers");
            Thread.sleep(3000);
            String pending = send(port, "GET", "/api/v1/notifications/deliveries?state=PENDING", admin, null).body();
            assertTrue(pending.contains("report-major:" + second) && pending.contains("webhook.broken"), pending);

            // fixed: the kept notice goes out (WeCom format), and health is UP again
            Files.writeString(broken, "loumen.notify.channel=webhook.broken\nformat=WECOM\nkinds=report.major\n"
                    + "node=" + UNIT + "\n.url=http://127.0.0.1:" + robot.getAddress().getPort() + "/wecom\n");
            await(() -> received.stream().anyMatch(r -> r.target().startsWith("/wecom")
                    && r.body().contains("#/reports/" + second)), "the kept notice after the fix");
            await(() -> health(port).contains("\"status\":\"UP\""), "health UP after the fix");
            assertEquals(1, received.stream().filter(r -> r.target().startsWith("/wecom")).count(), "exactly once");
        } finally {
            robot.stop(0);
        }
    }

    /** Signs in as the demo's community secretary {@code gangwan} after the first-login password change. */
    static String secretary(E2EBase e2e, int port, Path data) throws Exception {
        String first = null;
        for (String line : Files.readAllLines(data.resolve("demo-accounts.txt"), StandardCharsets.UTF_8)) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && f[1].equals("gangwan")) {
                first = f[2];
            }
        }
        String token = e2e.login(port, "gangwan", first);
        assertEquals(204, e2e.send(port, "POST", "/api/v1/auth/password", token, JSON.writeValueAsString(Map.of(
                "currentPassword", first, "newPassword", "E2E-Secretary-2026"))).statusCode());
        return e2e.login(port, "gangwan", "E2E-Secretary-2026");
    }

    private long file(int port, String token, String text) throws Exception {
        HttpResponse<String> r = send(port, "POST", "/api/v1/reports", token, JSON.writeValueAsString(Map.of(
                "place", UNIT, "duty", "SAFETY_PATROLLER", "urgency", "MAJOR", "description", text)));
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asLong();
    }

    private String health(int port) {
        try {
            return get(port, "/api/v1/health").body();
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what + " not seen within 30 s");
    }

    private static String sign(long timestamp) throws Exception {
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
