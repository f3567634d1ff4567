package org.loumen.launcher;

import static org.loumen.testkit.DemoPlaces.GANGWAN;
import static org.loumen.testkit.DemoPlaces.SHUANGXIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two {@code loumen.jar} processes, A and B, each with its own data folder, on one PostgreSQL server (started by
 * {@code cnf/postgres.sh}, given by {@code --db} with the credentials in the environment), checking that any node sees
 * the other's writes at once: a token signed in on A works on B and a sign-out on B ends it on A; a lockout made on A
 * refuses on B; a programme switched on A is served on B within 2 s; one ballot code sent in parallel to A and B
 * gives exactly one ballot; audit entries written on both form one intact chain; a rename or a disabled account on A
 * shows on B at the next request; a session outlives the node that issued it. The throttles are global: a client's
 * failed sign-ins and unknown ballot codes, and its resident reports, sent to A and B in turn, are counted together.
 */
class TwoNodeE2EIT extends E2EBase {

    static final String ADMIN = "Two-Nodes-2026!";

    @Test
    void twoNodesOnOneDatabaseSeeEachOthersWritesAtOnce() throws Exception {
        Path script = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("../cnf/postgres.sh")
                .normalize();
        Assumptions.assumeTrue(Files.exists(script), "needs cnf/postgres.sh and the --db data source (issue 19, "
                + "data-source half)");
        String url = startPostgres(script, tmp.resolve("pg"));
        Map<String, String> env = new HashMap<>(Map.of("LOUMEN_DB_USER", "loumen", "LOUMEN_DB_PASSWORD",
                "loumen-test", "LOUMEN_ADMIN_PASSWORD", ADMIN));
        int a = freePort();
        Process nodeA = start(env, tmp.resolve("node-a"), a, "--db", url, "--demo");
        awaitHealth(nodeA, a);
        int b = freePort();
        Process nodeB = start(env, tmp.resolve("node-b"), b, "--db", url);
        awaitHealth(nodeB, b);

        // 1. signed in on A, the token works on B; signed out on B, it ends on A
        String token = login(a, "admin", ADMIN);
        assertEquals(200, send(b, "GET", "/api/v1/auth/me", token, null).statusCode(), "A's token on B");
        String other = login(b, "admin", ADMIN);
        assertEquals(204, send(b, "POST", "/api/v1/auth/logout", other, null).statusCode());
        assertEquals(401, send(a, "GET", "/api/v1/auth/me", other, null).statusCode(), "signed out on B, ended on A");

        // 2. locked out on A, refused on B (with the right password)
        json(send(a, "POST", "/api/v1/users", token, "{\"username\":\"two-nodes\",\"displayName\":\"双节点\","
                + "\"bindings\":[{\"role\":\"COMMUNITY_SECRETARY\",\"node\":\"" + GANGWAN + "\"}],"
                + "\"password\":\"Right-Pass-2026!\"}"), 201);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, send(a, "POST", "/api/v1/auth/login", null,
                    "{\"username\":\"two-nodes\",\"password\":\"Wrong-Pass-" + i + "\"}").statusCode());
        }
        assertEquals(423, send(b, "POST", "/api/v1/auth/login", null,
                "{\"username\":\"two-nodes\",\"password\":\"Right-Pass-2026!\"}").statusCode(), "locked on B too");
        // failures split across both nodes in parallel are all counted: five lock it
        json(send(a, "POST", "/api/v1/users", token, "{\"username\":\"two-split\",\"displayName\":\"双节点二\","
                + "\"bindings\":[{\"role\":\"COMMUNITY_SECRETARY\",\"node\":\"" + GANGWAN + "\"}],"
                + "\"password\":\"Right-Pass-2026!\"}"), 201);
        List<Callable<Integer>> failures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int port = i % 2 == 0 ? a : b;
            int n = i;
            // from a client address of their own: the sign-in backoff of 127.0.0.1 (global too) stays out of it
            failures.add(() -> from("127.0.0.13", port, "/api/v1/auth/login",
                    "{\"username\":\"two-split\",\"password\":\"Wrong-Pass-" + n + "\"}"));
        }
        assertEquals(List.of(401, 401, 401, 401, 401), parallel(failures));
        assertEquals(423, send(a, "POST", "/api/v1/auth/login", null,
                "{\"username\":\"two-split\",\"password\":\"Right-Pass-2026!\"}").statusCode(), "no failure lost");

        // 2b. the throttles against guessing and flooding count both nodes' requests together (one row each in
        // LMN_THROTTLE): every client below has an address of its own (127.0.0.x), and its requests alternate A, B
        assertGlobalBackoff(a, b, "127.0.0.21", "/api/v1/auth/login", 401,
                n -> "{\"username\":\"two-guess-" + n + "\",\"password\":\"Wrong-Pass-1\"}");
        assertGlobalBackoff(a, b, "127.0.0.22", "/api/v1/ballots", 404,
                n -> "{\"code\":\"0000-0000-0000\",\"ratings\":[{\"leader\":\"1\","
                        + "\"rating\":\"SATISFIED\"}]}");
        String unit = json(send(a, "GET", "/api/v1/communities/" + GANGWAN + "/buildings", token, null), 200).get(0)
                .get("units").get(0).get("code").asText();
        List<Integer> reports = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            reports.add(from("127.0.0.23", i % 2 == 0 ? a : b, "/api/v1/public/units/" + unit + "/reports",
                    "{\"description\":\"双节点限流 " + i + "\"}"));
        }
        // five reports an hour from one address, counted over both nodes (per node it would have been eight)
        assertEquals(List.of(201, 201, 201, 201, 201, 429, 429, 429), reports, "resident report limit per client");

        // 3. a programme switched on A is served on B within 2 s
        JsonNode programmes = json(send(b, "GET", "/api/v1/programmes", token, null), 200);
        String programme = programmes.get(0).get("id").asText();
        boolean wasOn = streets(b, token, programme).contains(SHUANGXIN);
        json(send(a, "PUT", "/api/v1/streets/" + SHUANGXIN + "/programmes/" + programme, token,
                "{\"enabled\":" + !wasOn + "}"), 200);
        long switched = System.nanoTime();
        until(() -> streets(b, token, programme).contains(SHUANGXIN), on -> on != wasOn, Duration.ofSeconds(2),
                "the switch made on A, on B");
        System.out.printf("TwoNodeE2EIT: a programme switched on A was served on B after %d ms%n",
                (System.nanoTime() - switched) / 1_000_000);

        // 4. one ballot code sent to A and B at once: exactly one ballot
        JsonNode evaluation = json(send(a, "POST", "/api/v1/evaluations", token,
                "{\"community\":\"" + GANGWAN + "\",\"period\":\"2026-H2\"}"), 201);
        String id = evaluation.get("id").asText();
        String codes = send(a, "GET", "/api/v1/evaluations/" + id + "/ballot-codes", token, null).body();
        Matcher m = Pattern.compile("([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})").matcher(codes);
        String ballot = null;
        while (ballot == null && m.find()) {
            ballot = ballot(a, m.group(1));
        }
        assertTrue(ballot != null, "a code of a unit with leaders: " + codes);
        String theBallot = ballot;
        List<Callable<Integer>> votes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int port = i % 2 == 0 ? a : b;
            votes.add(() -> send(port, "POST", "/api/v1/ballots", null, theBallot).statusCode());
        }
        List<Integer> answers = parallel(votes);
        assertEquals(1, answers.stream().filter(s -> s == 201).count(), answers.toString());
        assertTrue(answers.stream().allMatch(s -> s == 201 || s == 409 || s == 429), answers.toString());
        assertEquals(1, json(send(b, "GET", "/api/v1/evaluations/" + id, token, null), 200).get("ballots").asLong(),
                "one ballot, seen alike on both nodes");

        // 5. audit entries written on both nodes at once: one intact chain, the same on both
        List<Callable<Integer>> reads = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int port = i % 2 == 0 ? a : b;
            reads.add(() -> send(port, "GET", "/api/v1/leaders?community=" + GANGWAN, token, null).statusCode());
        }
        assertTrue(parallel(reads).stream().allMatch(s -> s == 200));
        JsonNode verifyA = json(send(a, "GET", "/api/v1/audit/verify", token, null), 200);
        JsonNode verifyB = json(send(b, "GET", "/api/v1/audit/verify", token, null), 200);
        assertTrue(verifyA.get("intact").asBoolean(), verifyA.toString());
        assertTrue(verifyB.get("intact").asBoolean(), verifyB.toString());

        // 6. no stale read: a rename on A shows on B at once; an account disabled on A is signed out on B at once
        JsonNode community = json(send(b, "GET", "/api/v1/communities/" + GANGWAN, token, null), 200);
        json(send(a, "PUT", "/api/v1/communities/" + GANGWAN, token, "{\"name\":\"港湾家园社区（改）\",\"version\":"
                + community.get("version").asLong() + "}"), 200);
        assertEquals("港湾家园社区（改）", json(send(b, "GET", "/api/v1/communities/" + GANGWAN, token, null), 200)
                .get("name").asText());
        json(send(a, "POST", "/api/v1/users", token, "{\"username\":\"two-disabled\",\"displayName\":\"停用\","
                + "\"bindings\":[{\"role\":\"COMMUNITY_SECRETARY\",\"node\":\"" + GANGWAN + "\"}],"
                + "\"password\":\"Right-Pass-2026!\"}"), 201);
        String victim = login(b, "two-disabled", "Right-Pass-2026!");
        JsonNode user = json(send(a, "GET", "/api/v1/users/two-disabled", token, null), 200);
        json(send(a, "PUT", "/api/v1/users/two-disabled", token, "{\"enabled\":false,\"version\":"
                + user.get("version").asLong() + "}"), 200);
        assertEquals(401, send(b, "GET", "/api/v1/auth/me", victim, null).statusCode(), "disabled on A, out on B");

        // 7. the node that issued a session stops: the session goes on on the other
        terminate(nodeA);
        assertEquals(200, send(b, "GET", "/api/v1/auth/me", token, null).statusCode());
        terminate(nodeB);
    }

    /**
     * Failed attempts from one client alternate between the nodes: with the default 10 free failures the 11th
     * failure starts the wait, so exactly 11 are answered before the first 429 (counted per node it would be 20),
     * and both nodes then refuse the client.
     */
    private void assertGlobalBackoff(int a, int b, String client, String path, int failure,
            java.util.function.IntFunction<String> body) throws Exception {
        int failed = 0;
        boolean refusedOnA = false;
        boolean refusedOnB = false;
        for (int n = 0; n < 60 && !(refusedOnA && refusedOnB); n++) {
            boolean onA = n % 2 == 0;
            int status = from(client, onA ? a : b, path, body.apply(n));
            if (status == 429) {
                if (!refusedOnA && !refusedOnB) {
                    assertEquals(11, failed, path + ": the first 429 comes after 11 failures over both nodes");
                }
                refusedOnA |= onA;
                refusedOnB |= !onA;
            } else {
                assertEquals(failure, status, path);
                failed++;
            }
        }
        assertTrue(refusedOnA && refusedOnB, path + ": both nodes refuse the client");
    }

    /**
     * POSTs JSON from a client address of its own (a loopback address other than 127.0.0.1, bound on this side),
     * and returns the status: the nodes see a different client, with no proxy and no header involved.
     */
    static int from(String client, int port, String path, String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getByName("127.0.0.1"), port,
                java.net.InetAddress.getByName(client), 0)) {
            s.setSoTimeout(20_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: "
                    + "application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().write(body);
            s.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    private List<String> streets(int port, String token, String programme) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode p : JSON.readTree(send(port, "GET", "/api/v1/programmes", token, null).body())) {
            if (p.get("id").asText().equals(programme)) {
                p.path("enabledStreets").forEach(s -> out.add(s.asText()));
            }
        }
        return out;
    }

    /** A ballot for the code rating every leader who serves its household satisfied; null when none does. */
    private String ballot(int port, String code) throws Exception {
        JsonNode leaders = json(send(port, "POST", "/api/v1/public/ballots/lookup", null,
                "{\"code\":\"" + code + "\"}"), 200).path("leaders");
        if (leaders.isEmpty()) {
            return null;
        }
        StringBuilder body = new StringBuilder("{\"code\":\"" + code + "\",\"ratings\":[");
        int n = 0;
        for (JsonNode l : leaders) {
            body.append(n++ == 0 ? "" : ",").append("{\"leader\":\"").append(l.get("id").asText())
                    .append("\",\"rating\":\"SATISFIED\"}");
        }
        return body.append("]}").toString();
    }

    private static List<Integer> parallel(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    /** Starts a throwaway PostgreSQL (stopped when this JVM ends) and returns its JDBC URL. */
    static String startPostgres(Path script, Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "start", dir.toString())
                .redirectErrorStream(true);
        pb.environment().put("LOUMEN_PG_WATCH_PID", Long.toString(ProcessHandle.current().pid()));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return Files.readString(dir.resolve("url")).strip();
    }
}
