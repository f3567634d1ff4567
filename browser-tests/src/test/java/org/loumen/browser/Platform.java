package org.loumen.browser;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The real platform for a browser test: {@code loumen.jar --demo} started as a process on a free port with a fresh
 * data folder, the demo accounts and their passwords (as an operator reads them from {@code demo-accounts.txt}), and
 * a small HTTP client to set up data or check what the pages did.
 */
public final class Platform implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path JAR = Path.of(System.getProperty("loumen.jar", "../launcher/target/loumen.jar"));
    /** The password the tests give every account at its first sign-in (meets the rules, contains no username). */
    public static final String NEW_PASSWORD = "Ceshi#2026-Jinnan";

    private final Path data;
    private final int port;
    private final Process process;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    /** The role column of demo-accounts.txt (区管理员, 社区书记, 楼门栋长, ...) per account. */
    private final Map<String, String> roles = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Platform(Path data, int port, Process process) {
        this.data = data;
        this.port = port;
        this.process = process;
    }

    /** Starts loumen.jar with demo data and waits until health says UP. */
    public static Platform start() throws Exception {
        Path data = Files.createTempDirectory("loumen-browser");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("build the launcher first: " + JAR.toAbsolutePath());
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString(), "--demo", "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--data", data.resolve("data").toString())
                .redirectErrorStream(true).redirectOutput(data.resolve("loumen.log").toFile());
        pb.environment().remove("LOUMEN_ADMIN_PASSWORD");
        Platform p = new Platform(data, port, pb.start());
        p.awaitUp();
        p.readAccounts();
        return p;
    }

    /** The platform's data folder (DATA): runtime settings go into DATA/conf/&lt;pid&gt;.cfg. */
    public Path dataDir() {
        return data.resolve("data");
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitUp() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("loumen.jar ended: " + log());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(150);
        }
        throw new IllegalStateException("loumen.jar not UP within 120 s: " + log());
    }

    private void readAccounts() throws IOException {
        passwords.put("admin", Files.readString(data.resolve("data/initial-admin-password")).trim());
        for (String line : Files.readAllLines(data.resolve("data/demo-accounts.txt"), StandardCharsets.UTF_8)) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3) {
                passwords.put(f[1], f[2]);
                roles.put(f[1], f[0]);
            }
        }
    }

    public String log() {
        try {
            return Files.readString(data.resolve("loumen.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** The account's password now (its first one until a test changed it). */
    public String password(String user) {
        String pw = passwords.get(user);
        if (pw == null) {
            throw new IllegalArgumentException("no such demo account: " + user + " (have " + passwords.keySet() + ")");
        }
        return pw;
    }

    /** Whether the account still has its generated first password. */
    public boolean firstPassword(String user) {
        return !NEW_PASSWORD.equals(password(user));
    }

    /** Records that the account's password is now {@link #NEW_PASSWORD} (changed in the browser or by api()). */
    public void passwordChanged(String user) {
        passwords.put(user, NEW_PASSWORD);
        tokens.remove(user);
    }

    /** Sets a fresh account's own password through the API, so a test can start past the forced change. */
    public void settle(String user) throws Exception {
        if (firstPassword(user)) {
            String token = login(user);
            JsonNode r = call("POST", "/api/v1/auth/password", token, JSON.writeValueAsString(
                    Map.of("currentPassword", password(user), "newPassword", NEW_PASSWORD)), 204);
            passwordChanged(user);
        }
    }

    private String login(String user) throws Exception {
        JsonNode r = call("POST", "/api/v1/auth/login", null,
                JSON.writeValueAsString(Map.of("username", user, "password", password(user))), 200);
        return r.get("token").asText();
    }

    /** A token of the account, after settling its password. */
    public String token(String user) throws Exception {
        settle(user);
        String t = tokens.get(user);
        if (t == null) {
            t = login(user);
            tokens.put(user, t);
        }
        return t;
    }

    /** GET as the user; fails unless 200. */
    public JsonNode get(String user, String path) throws Exception {
        return call("GET", path, token(user), null, 200);
    }

    /** POST JSON as the user, expecting the status. */
    public JsonNode post(String user, String path, Object body, int status) throws Exception {
        return call("POST", path, token(user), JSON.writeValueAsString(body), status);
    }

    /** POST a CSV file (an import) as the user, expecting the status. */
    public JsonNode postCsv(String user, String path, String csv, int status) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + token(user))
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build();
        HttpResponse<String> answer = http.send(r, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != status) {
            throw new AssertionError("POST " + path + ": expected " + status + ", got " + answer.statusCode() + " "
                    + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    /** PUT JSON as the user, expecting the status. */
    public JsonNode put(String user, String path, Object body, int status) throws Exception {
        return call("PUT", path, token(user), JSON.writeValueAsString(body), status);
    }

    JsonNode call(String method, String path, String token, String json, int status) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != status) {
            throw new AssertionError(method + " " + path + ": expected " + status + ", got " + r.statusCode() + " "
                    + r.body());
        }
        return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    /** The demo accounts of the role named in demo-accounts.txt, e.g. 楼门栋长 (leaders), sorted. */
    public List<String> accountsOf(String role) {
        return roles.entrySet().stream().filter(e -> e.getValue().equals(role)).map(Map.Entry::getKey).sorted()
                .toList();
    }

    /** A call without signing in (the resident routes), expecting the status. */
    public JsonNode anonymous(String method, String path, Object body, int status) throws Exception {
        return call(method, path, null, body == null ? null : JSON.writeValueAsString(body), status);
    }

    /** Lists the accounts known from demo-accounts.txt (and admin). */
    public List<String> accounts() {
        return List.copyOf(passwords.keySet());
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
