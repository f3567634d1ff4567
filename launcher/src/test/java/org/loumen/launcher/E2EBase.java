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
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the end-to-end tests share: starting the real {@code loumen.jar} as a process on a free port with a temporary
 * data folder, as an operator would, and talking HTTP to it.
 */
abstract class E2EBase {


    static final ObjectMapper JSON = new ObjectMapper();
    static final Path JAR = Path.of(System.getProperty("loumen.jar", "target/loumen.jar"));
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final List<Process> processes = new ArrayList<>();

    @TempDir
    Path tmp;

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    Process start(Path data, int port, String... extra) throws IOException {
        return start(Map.of(), data, port, extra);
    }

    Process start(Map<String, String> env, Path data, int port, String... extra) throws IOException {
        return start(JAR, env, data, port, extra);
    }

    /** Starts the given launch jar ({@code loumen.jar} or {@code loumen-debug.jar}); its stdin stays an open pipe. */
    Process start(Path jar, Map<String, String> env, Path data, int port, String... extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--data", data.toString()));
        cmd.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("process-" + processes.size() + ".log").toFile());
        builder.environment().remove("LOUMEN_ADMIN_PASSWORD");
        builder.environment().putAll(env);
        Process p = builder.start();
        processes.add(p);
        return p;
    }

    HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(int port, String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in and returns the token. */
    String login(int port, String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = send(port, "POST", "/api/v1/auth/login", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertEquals(200, r.statusCode(), r.body());
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }

    String log(int process) throws IOException {
        return Files.readString(tmp.resolve("process-" + process + ".log"), StandardCharsets.UTF_8);
    }

    String awaitHealth(Process p, int port) throws Exception {
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

    String logs() throws IOException {
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
    int bundleCount(int port) throws IOException, InterruptedException {
        String health = get(port, "/api/v1/health").body();
        Matcher m = Pattern.compile("\"bundles\":\\{\"total\":(\\d+)").matcher(health);
        assertTrue(m.find(), health);
        return Integer.parseInt(m.group(1));
    }

    /** A platform started by a test, with the administrator signed in. */
    record Running(Process process, int port, String token) {
    }

    /**
     * Starts the platform on {@code data} with the administrator's password from the environment (as a first start
     * with {@code --demo} would take it), waits for its health and signs the administrator in.
     */
    Running startSignedIn(Map<String, String> env, Path data, String adminPassword, String... extra) throws Exception {
        int port = freePort();
        Process p = start(env, data, port, extra);
        awaitHealth(p, port);
        return new Running(p, port, login(port, "admin", adminPassword));
    }

    /** One client's next request under load: false when it has nothing more to send. */
    interface ClientStep {
        boolean next() throws Exception;
    }

    /**
     * Loads the platform with {@code clients} clients, each repeating its step, kills it with SIGKILL (no shutdown
     * hook, no orderly close of the database) once {@code acknowledged} reaches {@code killAfter}, and waits for the
     * clients to stop. A client stops at its first failure: the platform is gone.
     */
    static void killUnderLoad(Process platform, int clients, java.util.function.IntFunction<ClientStep> client,
            java.util.function.IntSupplier acknowledged, int killAfter, Duration within) throws Exception {
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            ClientStep step = client.apply(c);
            Thread t = new Thread(() -> {
                try {
                    while (!stop.get() && step.next()) {
                        // the step counts what was acknowledged
                    }
                } catch (Exception e) {
                    // the platform is gone
                }
            });
            t.start();
            threads.add(t);
        }
        until(acknowledged::getAsInt, n -> n >= killAfter, within, killAfter + " acknowledged requests");
        platform.destroyForcibly();
        assertTrue(platform.waitFor(30, TimeUnit.SECONDS));
        stop.set(true);
        for (Thread t : threads) {
            t.join(15_000);
        }
    }

    /** A check the tests repeat while they wait. */
    @FunctionalInterface
    interface Probe<T> {
        T get() throws Exception;
    }

    /**
     * Repeats the probe every 50 ms until its value satisfies {@code done}, and returns that value; fails after the
     * timeout, naming what was awaited and the last value seen.
     */
    static <T> T until(Probe<T> probe, Predicate<T> done, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T last = probe.get();
            if (done.test(last)) {
                return last;
            }
            if (System.nanoTime() >= deadline) {
                throw new AssertionError(what + " not seen within " + timeout.toSeconds() + " s; last: " + last);
            }
            Thread.sleep(50);
        }
    }

    static void terminate(Process p) throws InterruptedException {
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "did not stop within 60 s of SIGTERM");
    }

    static JsonNode json(HttpResponse<String> r, int status) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

}
