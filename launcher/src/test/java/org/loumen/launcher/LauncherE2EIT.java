package org.loumen.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Starts the real {@code loumen.jar} as a process on a free port with a temporary data folder, as an operator would.
 */
class LauncherE2EIT extends E2EBase {

    @Test
    void startsServesPersistsAcrossRestartAndStopsCleanly() throws Exception {
        Path data = tmp.resolve("data");
        int port = freePort();
        Process first = start(data, port, "--demo");
        String health = awaitHealth(first, port);
        assertTrue(health.contains("\"problems\":[]"), health);

        // no web console or shell in the production jar
        HttpResponse<String> console = get(port, "/system/console");
        assertEquals(404, console.statusCode());
        assertTrue(console.body().contains("\"error\":\"not-found\""), console.body());

        HttpResponse<String> communities = get(port, "/api/v1/public/streets/120112103/communities");
        assertEquals(200, communities.statusCode());
        assertTrue(communities.body().contains("港湾家园社区"), communities.body());
        assertEquals(401, get(port, "/api/v1/streets/120112103/communities").statusCode(), "not without signing in");

        // no default password: a generated one, printed once and kept in an owner-only file, to be changed
        Path passwordFile = data.resolve("initial-admin-password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        String initial = Files.readString(passwordFile).strip();
        assertEquals(16, initial.length());
        assertTrue(log(0).contains("admin  " + initial), log(0));
        assertTrue(log(0).contains("shuanggang"), "demo accounts are printed: " + log(0));
        String token = login(port, "admin", initial);
        HttpResponse<String> me = send(port, "GET", "/api/v1/auth/me", token, null);
        assertTrue(me.body().contains("\"mustChangePassword\":true"), me.body());
        assertEquals(403, send(port, "GET", "/api/v1/streets", token, null).statusCode());
        // the shipped plug-ins were placed in DATA/plugins and deployed from there
        for (String plugin : List.of("plugin.mediation.jar", "plugin.volunteer-brands.jar",
                "plugin.elder-smartphone-training.jar", "plugin.my-building.jar")) {
            assertTrue(Files.exists(data.resolve("plugins").resolve(plugin)), plugin);
        }

        // hot undeploy: removing a plug-in jar from DATA/plugins uninstalls its bundle while the platform runs
        int before = bundleCount(port);
        Files.delete(data.resolve("plugins/plugin.mediation.jar"));
        until(() -> bundleCount(port), n -> n == before - 1, Duration.ofSeconds(30), "plug-in undeployed");

        // a second instance on the same data folder is refused with one line, without a stack trace
        Process second = start(data, freePort());
        assertTrue(second.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, second.exitValue());
        String secondLog = Files.readString(tmp.resolve("process-1.log"), StandardCharsets.UTF_8);
        assertTrue(secondLog.contains("in use by another running instance"), secondLog);
        assertTrue(!secondLog.contains("Exception"), secondLog);

        terminate(first);
        String derbyLog = Files.readString(data.resolve("logs/derby.log"));
        assertTrue(derbyLog.contains("Shutting down instance"), "Derby was not shut down: " + derbyLog);

        // restart without --demo: the demo communities written before are still there
        int port2 = freePort();
        Process again = start(data, port2);
        awaitHealth(again, port2);
        assertTrue(get(port2, "/api/v1/public/streets/120112103/communities").body().contains("港湾家园社区"));
        // sessions are kept in the database (any node, any restart sees them), accounts too; no second administrator
        assertEquals(200, send(port2, "GET", "/api/v1/auth/me", token, null).statusCode(),
                "the session outlives a restart");
        login(port2, "admin", initial);
        assertTrue(!log(2).contains("initial accounts"), log(2));
        // the operator's removal of a shipped plug-in sticks: it is placed only on the first start
        assertTrue(Files.notExists(data.resolve("plugins/plugin.mediation.jar")));
        terminate(again);
    }

    @Test
    void committedDataSurvivesKillNine() throws Exception {
        Path data = tmp.resolve("crash");
        int port = freePort();
        Map<String, String> env = Map.of("LOUMEN_ADMIN_PASSWORD", "Operator-Chosen-2026");
        Process first = start(env, data, port, "--demo");
        awaitHealth(first, port); // UP: the demo communities are committed
        // the operator's own password is not forced to change, and no password file is written
        String token = login(port, "admin", "Operator-Chosen-2026");
        assertTrue(Files.notExists(data.resolve("initial-admin-password")));
        HttpResponse<String> created = send(port, "POST", "/api/v1/users", token, "{\"username\":\"crash-test\","
                + "\"displayName\":\"崩溃测试\",\"bindings\":[{\"role\":\"LEADER\",\"node\":\"120112103001\"}]}");
        assertEquals(201, created.statusCode(), created.body());
        String evaluation = castOneBallot(port, token);
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no orderly Derby shutdown
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));

        int port2 = freePort();
        Process again = start(data, port2);
        awaitHealth(again, port2);
        HttpResponse<String> r = get(port2, "/api/v1/public/streets/120112103/communities");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("120112103001") && r.body().contains("120112103003"), r.body());
        // the account created and its audit entry, both acknowledged before the kill, are there
        String token2 = login(port2, "admin", "Operator-Chosen-2026");
        assertEquals(200, send(port2, "GET", "/api/v1/users/crash-test", token2, null).statusCode());
        HttpResponse<String> audit = send(port2, "GET", "/api/v1/audit?action=POST%20/users&outcome=SUCCESS", token2,
                null);
        assertTrue(audit.body().contains("\"total\":1"), audit.body());
        HttpResponse<String> verify = send(port2, "GET", "/api/v1/audit/verify", token2, null);
        assertTrue(verify.body().contains("\"intact\":true"), verify.body());
        // and so is the ballot acknowledged before the kill
        HttpResponse<String> tally = send(port2, "GET", "/api/v1/evaluations/" + evaluation, token2, null);
        assertTrue(tally.body().contains("\"ballots\":1"), tally.body());
        terminate(again);
    }

    /**
     * Opens the evaluation of the demo community 港湾家园, casts the ballot of household 1号楼1单元101 for its unit
     * leader, and returns the evaluation id once the ballot is acknowledged (201).
     */
    private String castOneBallot(int port, String token) throws IOException, InterruptedException {
        HttpResponse<String> opened = send(port, "POST", "/api/v1/evaluations", token,
                "{\"community\":\"120112103001\",\"period\":\"2026-H1\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(opened.body());
        assertTrue(id.find(), opened.body());
        String evaluation = id.group(1);
        String codes = send(port, "GET", "/api/v1/evaluations/" + evaluation + "/ballot-codes", token, null).body();
        Matcher code = Pattern.compile("\"1号楼1单元101\",([0-9A-Z-]{14})").matcher(codes);
        assertTrue(code.find(), codes);
        String leaders = send(port, "GET", "/api/v1/leaders?community=120112103001&size=200", token, null).body();
        String leader = null;
        for (String item : leaders.split("\\{\"id\":")) {
            if (item.contains("\"unit\":\"120112103001B001U01\"")) {
                leader = item.substring(0, item.indexOf(','));
            }
        }
        assertTrue(leader != null, leaders);
        HttpResponse<String> ballot = send(port, "POST", "/api/v1/ballots", null, "{\"code\":\"" + code.group(1)
                + "\",\"ratings\":[{\"leader\":\"" + leader + "\",\"rating\":\"SATISFIED\"}]}");
        assertEquals(201, ballot.statusCode(), ballot.body());
        return evaluation;
    }

    @Test
    void aWeakAdminPasswordFromTheEnvironmentIsRefused() throws Exception {
        Path data = tmp.resolve("weak");
        int port = freePort();
        Process p = start(Map.of("LOUMEN_ADMIN_PASSWORD", "123456"), data, port);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String health = "";
        while (!(health.contains("LOUMEN_ADMIN_PASSWORD") && health.contains("\"status\":\"DEGRADED\""))
                && System.nanoTime() < deadline) {
            assertTrue(p.isAlive(), logs());
            try {
                health = get(port, "/api/v1/health").body();
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        assertTrue(health.contains("\"status\":\"DEGRADED\""), health);
        assertTrue(log(0).contains("LOUMEN_ADMIN_PASSWORD"), log(0));
        // fail closed: without identity no signed-in route answers, and nobody can sign in
        assertEquals(503, get(port, "/api/v1/streets").statusCode());
        HttpResponse<String> login = send(port, "POST", "/api/v1/auth/login", null,
                "{\"username\":\"admin\",\"password\":\"123456\"}");
        assertEquals(404, login.statusCode(), login.body());
        terminate(p);
    }

    /** JSON of an answer, asserting its status. */
    @Test
    void oneLeaderFromNominationToNotReappointed() throws Exception {
        Path data = tmp.resolve("lifecycle");
        int port = freePort();
        Process p = start(Map.of("LOUMEN_ADMIN_PASSWORD", "Operator-Chosen-2026"), data, port, "--demo");
        awaitHealth(p, port);
        String admin = login(port, "admin", "Operator-Chosen-2026");
        String community = "120112103002"; // 春晖里社区（演示）, a demo community of 双港镇 with households
        JsonNode buildings = json(send(port, "GET", "/api/v1/communities/" + community + "/buildings", admin, null),
                200);
        String unit = buildings.get(0).get("units").get(0).get("code").asText();

        String leader = "/api/v1/leaders/" + json(send(port, "POST", "/api/v1/communities/" + community
                + "/nominations", admin, "{\"name\":\"端到端\",\"gender\":\"MALE\",\"birthDate\":\"1975-01-01\","
                + "\"education\":\"JUNIOR_COLLEGE\",\"partyMember\":false,\"phone\":\"13400000001\","
                + "\"method\":\"SELF\",\"nominatedBy\":\"本人\",\"role\":\"UNIT_LEADER\",\"place\":\"" + unit
                + "\"}"), 201).get("id").asText();
        json(send(port, "POST", leader + "/decision", admin, "{\"meetingDate\":\"2026-01-05\",\"attendees\":21,"
                + "\"votesFor\":15,\"votesAgainst\":4,\"abstentions\":2}"), 200);
        json(send(port, "POST", leader + "/training", admin, "{\"session\":\"第一期\"}"), 200);
        json(send(port, "POST", leader + "/assessment", admin, "{\"result\":\"PASSED\"}"), 200); // a pass first
        json(send(port, "POST", leader + "/certification", admin, "{\"workId\":\"SG-E2E-1\","
                + "\"armbandIssuedOn\":\"2026-01-20\"}"), 200);
        assertEquals("IN_SERVICE", json(send(port, "POST", leader + "/activation", admin, null), 200)
                .get("status").asText());

        String evaluation = json(send(port, "POST", "/api/v1/evaluations", admin, "{\"community\":\"" + community
                + "\",\"period\":\"2026-H1\"}"), 201).get("id").asText();
        String codes = send(port, "GET", "/api/v1/evaluations/" + evaluation + "/ballot-codes", admin, null).body();
        String label = buildings.get(0).get("label").asText() + buildings.get(0).get("units").get(0).get("label")
                .asText();
        int ballots = 0;
        for (String line : codes.split("\r\n")) {
            if (line.contains(label)) {
                String code = line.substring(line.lastIndexOf(',') + 1);
                json(send(port, "POST", "/api/v1/ballots", null, "{\"code\":\"" + code + "\",\"ratings\":[{"
                        + "\"leader\":\"" + leader.substring(leader.lastIndexOf('/') + 1) + "\",\"rating\":\""
                        + (ballots++ == 0 ? "FAIRLY_SATISFIED" : "DISSATISFIED") + "\"}]}"), 201);
            }
        }
        assertEquals(3, ballots, "three households in the unit: " + codes);
        // 1 of 3 is 33.33%, but three ballots are under the minimum of five: lower it through Config Admin
        Files.writeString(data.resolve("conf/org.loumen.evaluation.cfg"), "minimumBallots=3\n");
        JsonNode mine = until(() -> {
            JsonNode found = null;
            for (JsonNode r : json(send(port, "GET", "/api/v1/evaluations/" + evaluation + "/results", admin, null),
                    200)) {
                if (leader.endsWith("/" + r.get("leader").asText())) {
                    found = r;
                }
            }
            return found;
        }, r -> r != null && r.get("outcome").asText().equals("NOT_REAPPOINTED"), Duration.ofSeconds(20),
                "the leader NOT_REAPPOINTED in the results");
        assertEquals("NOT_REAPPOINTED", mine.get("outcome").asText(), String.valueOf(mine));
        assertEquals("33.33", mine.get("satisfactionPercent").decimalValue().toPlainString());
        json(send(port, "POST", "/api/v1/evaluations/" + evaluation + "/close", admin, null), 200);
        assertEquals("NOT_REAPPOINTED", json(send(port, "GET", leader, admin, null), 200).get("status").asText());
        JsonNode history = json(send(port, "GET", leader + "/history", admin, null), 200);
        assertEquals(6, history.size(), history.toString());
        terminate(p);
    }

    @Test
    void badArgumentsPrintUsageAndExitTwo() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toAbsolutePath().toString(), "--port", "http").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("usage:"), out);
    }
}
