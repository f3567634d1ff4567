package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.loumen.testkit.DemoPlaces;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

/**
 * Base of the tests that talk HTTP to the running platform: each test starts once health says UP. Offers signed-in
 * clients: the district administrator (whose generated first password is changed once per run) and users created
 * through the API.
 */
abstract class PlatformTest {

    /** The demo data's places (--demo is on in the test launch), from their one home. */
    static final String DISTRICT = DemoPlaces.DISTRICT;
    static final String SHUANGGANG = DemoPlaces.SHUANGGANG;
    static final String SHUANGXIN = DemoPlaces.SHUANGXIN;
    static final String GANGWAN = DemoPlaces.GANGWAN;
    static final String XINHUALI = DemoPlaces.XINHUALI;
    /** Every account the tests create gets this password once the temporary one is changed. */
    static final String PASSWORD = "Loumen-Test-2026";

    /** The administrator's own password, once chosen; shared by all test classes of the run. */
    private static String adminPassword;

    @InjectBundleContext
    BundleContext context;

    Http http;

    /**
     * This bundle's own context, for what a {@link Scenario} registers in one step and uses in the next: the injected
     * {@link #context} unregisters what was registered through it after every test, steps included.
     */
    static BundleContext ownContext() {
        return org.osgi.framework.FrameworkUtil.getBundle(PlatformTest.class).getBundleContext();
    }

    @BeforeEach
    void connect() throws Exception {
        http = new Http(context);
        http.awaitUp();
    }

    /** A client signed in as the district administrator {@code admin}. */
    Http admin() throws Exception {
        synchronized (PlatformTest.class) {
            if (adminPassword == null && http.json("POST", "/api/v1/auth/login", Map.of("username", "admin",
                    "password", PASSWORD)).status() == 200) {
                adminPassword = PASSWORD; // changed already by the test kit (org.loumen.testkit), which uses the same
            }
            if (adminPassword == null) {
                Path file = Paths.get(System.getProperty("loumen.data")).resolve("initial-admin-password");
                String initial = Files.readString(file, StandardCharsets.UTF_8).strip();
                Http first = login("admin", initial);
                changePassword(first, initial, PASSWORD);
                adminPassword = PASSWORD;
            }
        }
        return login("admin", adminPassword);
    }

    Http login(String username, String password) throws Exception {
        Http.Response r = http.json("POST", "/api/v1/auth/login", Map.of("username", username, "password", password));
        assertEquals(200, r.status(), r.body());
        return http.as(r.json().get("token").asText());
    }

    static void changePassword(Http session, String current, String next) throws Exception {
        Http.Response r = session.json("POST", "/api/v1/auth/password",
                Map.of("currentPassword", current, "newPassword", next));
        assertEquals(204, r.status(), r.body());
    }

    /** The evaluation's printed code list as the caller reads it: a line per household, address then code. */
    static String ballotCodeList(Http caller, long evaluation) throws Exception {
        HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(caller.base()
                + "/api/v1/evaluations/" + evaluation + "/ballot-codes")).header("Authorization", "Bearer "
                + caller.token()).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, list.statusCode(), list.body());
        return list.body();
    }

    /** The ballot codes of the households at a place of the list (e.g. {@code 1号楼1单元}), in the list's order. */
    static List<String> ballotCodes(Http caller, long evaluation, String place) throws Exception {
        List<String> codes = new ArrayList<>();
        for (String line : ballotCodeList(caller, evaluation).split("\r\n")) {
            if (line.contains(place)) {
                codes.add(line.substring(line.lastIndexOf(',') + 1));
            }
        }
        return codes;
    }

    /** A household's secret ballot rating one leader. */
    Http.Response ballot(String code, long leader, String rating) throws Exception {
        return http.json("POST", "/api/v1/ballots", Map.of("code", code, "ratings", List.of(Map.of("leader",
                Long.toString(leader), "rating", rating))));
    }

    /**
     * A signed-in client for a user with one role, created by the administrator if missing; the temporary password
     * is changed to {@link #PASSWORD} at first sign-in as the platform requires.
     */
    Http user(String username, String role, String node) throws Exception {
        Http admin = admin();
        if (admin.get("/api/v1/users/" + username).status() == 404) {
            Http.Response created = admin.json("POST", "/api/v1/users", Map.of("username", username,
                    "displayName", "测试 " + username, "bindings", List.of(Map.of("role", role, "node", node))));
            assertEquals(201, created.status(), created.body());
            String temporary = created.json().get("temporaryPassword").asText();
            changePassword(login(username, temporary), temporary, PASSWORD);
        }
        return login(username, PASSWORD);
    }
}
