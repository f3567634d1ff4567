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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the real {@code loumen.jar} as a process on a free port with a temporary data folder, as an operator would.
 */
class LauncherE2EIT {

    private static final Path JAR = Path.of(System.getProperty("loumen.jar", "target/loumen.jar"));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> processes = new ArrayList<>();

    @TempDir
    Path tmp;

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Process start(Path data, int port, String... extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--data", data.toString()));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("process-" + processes.size() + ".log").toFile()).start();
        processes.add(p);
        return p;
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String awaitHealth(Process p, int port) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("loumen.jar exited with " + p.exitValue() + ": " + logs());
            }
            try {
                HttpResponse<String> r = get(port, "/api/v1/health");
                if (r.statusCode() == 200 && r.body().contains("\"status\":\"UP\"")) {
                    return r.body();
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no healthy answer within " + START_TIMEOUT + ": " + logs());
    }

    private String logs() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < processes.size(); i++) {
            Path log = tmp.resolve("process-" + i + ".log");
            if (Files.exists(log)) {
                sb.append("\n--- process ").append(i).append('\n').append(Files.readString(log));
            }
        }
        return sb.toString();
    }

    /** Bundles installed, read from health. */
    private int bundleCount(int port) throws IOException, InterruptedException {
        String health = get(port, "/api/v1/health").body();
        Matcher m = Pattern.compile("\"bundles\":\\{\"total\":(\\d+)").matcher(health);
        assertTrue(m.find(), health);
        return Integer.parseInt(m.group(1));
    }

    private static void terminate(Process p) throws InterruptedException {
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "did not stop within 60 s of SIGTERM");
    }

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

        HttpResponse<String> communities = get(port, "/api/v1/streets/120112103/communities");
        assertEquals(200, communities.statusCode());
        assertTrue(communities.body().contains("港湾家园社区"), communities.body());
        // the shipped plug-ins were placed in DATA/plugins and deployed from there
        for (String plugin : List.of("plugin.mediation.jar", "plugin.volunteer-brands.jar",
                "plugin.elder-smartphone-training.jar")) {
            assertTrue(Files.exists(data.resolve("plugins").resolve(plugin)), plugin);
        }

        // hot undeploy: removing a plug-in jar from DATA/plugins uninstalls its bundle while the platform runs
        int before = bundleCount(port);
        Files.delete(data.resolve("plugins/plugin.mediation.jar"));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (bundleCount(port) != before - 1) {
            assertTrue(System.nanoTime() < deadline, "plug-in not undeployed within 30 s");
            Thread.sleep(100);
        }

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
        assertTrue(get(port2, "/api/v1/communities/120112103001").body().contains("港湾家园社区"));
        // the operator's removal of a shipped plug-in sticks: it is placed only on the first start
        assertTrue(Files.notExists(data.resolve("plugins/plugin.mediation.jar")));
        terminate(again);
    }

    @Test
    void committedDataSurvivesKillNine() throws Exception {
        Path data = tmp.resolve("crash");
        int port = freePort();
        Process first = start(data, port, "--demo");
        awaitHealth(first, port); // UP: the demo communities are committed
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no orderly Derby shutdown
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));

        int port2 = freePort();
        Process again = start(data, port2);
        awaitHealth(again, port2);
        HttpResponse<String> r = get(port2, "/api/v1/streets/120112103/communities");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("120112103001") && r.body().contains("120112103003"), r.body());
        terminate(again);
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
