package org.loumen.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.loumen.security.Role;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.HttpServiceRuntimeConstants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls one programme's routes through the platform's real dispatcher, as a chosen role and street:
 *
 * <pre>
 * ProgrammeTester t = ProgrammeTester.connect(context, "noticeboard");
 * t.enable("120112103");
 * ProgrammeTester.Client admin = t.as(Role.STREET_ADMIN, "120112103");
 * assertEquals(201, admin.post("120112103", "/notes", Map.of("text", "周六清理楼道")).status());
 * assertEquals(404, admin.get("120112001", "/notes").status()); // another street: out of scope
 * t.disable("120112103");
 * assertEquals("programme-disabled", admin.get("120112103", "/notes").error());
 * </pre>
 *
 * Users are created once per platform through {@code POST /api/v1/users} (named {@code t-<role>-<node>}), their
 * temporary password changed at first sign-in as the platform requires; programme roles are granted through
 * {@code POST /api/v1/programme-roles/grants}. Thread-safe.
 */
public final class ProgrammeTester {

    /** The password every user the kit creates ends up with, and the administrator's once changed. */
    public static final String PASSWORD = "Loumen-Test-2026";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Object ADMIN_LOCK = new Object();

    private final String base;
    private final String programme;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private volatile Client admin;

    /** An answer: its status, its body as JSON (or {@code null}) and as text. */
    public record Response(int status, String body) {
        /** The body as JSON; {@code null} when empty. */
        public JsonNode json() {
            try {
                return body == null || body.isEmpty() ? null : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** The error code of a 4xx/5xx answer ({@code "programme-disabled"}), or {@code null}. */
        public String error() {
            JsonNode j = status >= 400 ? json() : null;
            return j == null || !j.has("error") ? null : j.get("error").asText();
        }
    }

    /** A signed-in user, calling the programme's routes (and, with {@link #core}, any route of the API). */
    public final class Client {
        private final String token;

        Client(String token) {
            this.token = token;
        }

        /** {@code GET /api/v1/streets/{street}/programmes/<id><path>}. */
        public Response get(String street, String path) throws IOException, InterruptedException {
            return core("GET", programmePath(street, path), null);
        }

        /** {@code POST} with a JSON body (a record, a map...). */
        public Response post(String street, String path, Object body) throws IOException, InterruptedException {
            return core("POST", programmePath(street, path), body);
        }

        /** {@code PUT} with a JSON body. */
        public Response put(String street, String path, Object body) throws IOException, InterruptedException {
            return core("PUT", programmePath(street, path), body);
        }

        /** {@code DELETE}. */
        public Response delete(String street, String path) throws IOException, InterruptedException {
            return core("DELETE", programmePath(street, path), null);
        }

        /** Any route of the API, e.g. {@code core("GET", "/api/v1/leaders", null)}; a String body is sent as is. */
        public Response core(String method, String path, Object body) throws IOException, InterruptedException {
            return send(method, path, body, token);
        }
    }

    private ProgrammeTester(String base, String programme) {
        this.base = base;
        this.programme = programme;
    }

    /**
     * Waits (up to 60 s) for the platform's HTTP endpoint, for {@code /api/v1/health} to answer and for the
     * programme to be listed ACTIVE, then signs in as the district administrator.
     */
    public static ProgrammeTester connect(BundleContext context, String programme) throws Exception {
        ProgrammeTester t = new ProgrammeTester(endpoint(context), programme);
        long deadline = System.currentTimeMillis() + 60_000;
        Response ready;
        do {
            ready = t.send("GET", "/api/v1/health/ready", null, null);
            if (ready.status() != 200) {
                Thread.sleep(200);
            }
        } while (ready.status() != 200 && System.currentTimeMillis() < deadline);
        Client admin = t.admin();
        while (true) {
            JsonNode listed = admin.core("GET", "/api/v1/programmes", null).json();
            for (JsonNode p : listed == null ? List.<JsonNode>of() : listed) {
                if (programme.equals(p.path("id").asText()) && "ACTIVE".equals(p.path("state").asText())) {
                    return t;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("programme " + programme + " is not ACTIVE within 60 s: " + listed);
            }
            Thread.sleep(200);
        }
    }

    /** The district administrator. */
    public Client admin() throws IOException, InterruptedException {
        Client a = admin;
        if (a != null) {
            return a;
        }
        synchronized (ADMIN_LOCK) {
            Response r = login("admin", PASSWORD);
            if (r.status() != 200) {
                // the first run on this data: sign in with the generated password and change it, as required
                Path file = Path.of(System.getProperty("loumen.data", "loumen-data"), "initial-admin-password");
                String initial = Files.readString(file, StandardCharsets.UTF_8).strip();
                Response first = login("admin", initial);
                expect(first, 200, "sign in as admin");
                String token = first.json().get("token").asText();
                expect(send("POST", "/api/v1/auth/password", Map.of("currentPassword", initial, "newPassword",
                        PASSWORD), token), 204, "change the administrator's first password");
                r = login("admin", PASSWORD);
            }
            expect(r, 200, "sign in as admin");
            admin = new Client(r.json().get("token").asText());
            return admin;
        }
    }

    /**
     * A user holding one core role at a node (a street, community, building or unit code), created on first use.
     * The node must exist; for a community the kit creates it under its street when missing.
     */
    public Client as(Role role, String node) throws IOException, InterruptedException {
        String username = username(role, node);
        return clients.computeIfAbsent(username, u -> user(u, role, node));
    }

    /**
     * The name of the kit's user for a core role at a node: {@code t-<abbreviation>-<node>}, e.g.
     * {@code t-cs-120112103001} for the secretary of that community ({@code da sa cs ld au}).
     */
    public static String username(Role role, String node) {
        String abbreviation = switch (role) {
            case DISTRICT_ADMIN -> "da";
            case STREET_ADMIN -> "sa";
            case COMMUNITY_SECRETARY -> "cs";
            case LEADER -> "ld";
            case AUDITOR -> "au";
        };
        return "t-" + abbreviation + "-" + node.toLowerCase();
    }

    /**
     * A user who holds a role of this programme at a node (granted by the administrator) and, to be able to sign in
     * and act, the core role given (or none when {@code null}: the kit then gives them {@link Role#LEADER} at the
     * node's community, which admits them to nothing of the programme by itself unless its routes name it).
     */
    public Client granted(String programmeRole, String node, Role coreRole, String coreNode)
            throws IOException, InterruptedException {
        String username = "t-g-" + String.format("%08x", (programme + ":" + programmeRole).hashCode()) + "-"
                + node.toLowerCase();
        return clients.computeIfAbsent(username, u -> {
            Client c = user(u, coreRole == null ? Role.LEADER : coreRole, coreRole == null ? node.substring(0,
                    Math.min(12, node.length())) : coreNode);
            try {
                Response g = admin().core("POST", "/api/v1/programme-roles/grants", Map.of("username", u,
                        "programme", programme, "role", programmeRole, "node", node));
                if (g.status() != 201 && g.status() != 200) {
                    throw new AssertionError("grant " + programmeRole + " at " + node + ": " + g);
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return c;
        });
    }

    /**
     * Enables the programme for a street as the district administrator, acknowledging the personal data it
     * declares (as the programmes page does).
     */
    public void enable(String street) throws IOException, InterruptedException {
        switchTo(street, true);
    }

    /** Disables the programme for a street: its routes then answer 404 {@code programme-disabled} there. */
    public void disable(String street) throws IOException, InterruptedException {
        switchTo(street, false);
    }

    private void switchTo(String street, boolean on) throws IOException, InterruptedException {
        List<String> declared = new ArrayList<>();
        JsonNode listed = admin().core("GET", "/api/v1/programmes", null).json();
        for (JsonNode p : listed) {
            if (programme.equals(p.path("id").asText())) {
                p.path("dataAccess").forEach(d -> declared.add(d.path("kind").asText()));
            }
        }
        Object body = on ? Map.of("enabled", true, "acknowledged", declared) : Map.of("enabled", false);
        expect(admin().core("PUT", "/api/v1/streets/" + street + "/programmes/" + programme, body), 200,
                (on ? "enable " : "disable ") + programme + " for " + street);
    }

    private Client user(String username, Role role, String node) {
        try {
            Client a = admin();
            if (node.length() == 12) {
                ensureCommunity(a, node);
            }
            Response existing = a.core("GET", "/api/v1/users/" + username, null);
            if (existing.status() == 404) {
                Response created = a.core("POST", "/api/v1/users", Map.of("username", username, "displayName",
                        "测试 " + username, "bindings", List.of(Map.of("role", role.name(), "node", node))));
                expect(created, 201, "create " + username);
                String temporary = created.json().get("temporaryPassword").asText();
                Response first = login(username, temporary);
                expect(first, 200, "sign in as " + username);
                expect(send("POST", "/api/v1/auth/password", Map.of("currentPassword", temporary, "newPassword",
                        PASSWORD), first.json().get("token").asText()), 204, "change the password of " + username);
            }
            Response r = login(username, PASSWORD);
            expect(r, 200, "sign in as " + username);
            return new Client(r.json().get("token").asText());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ensureCommunity(Client admin, String community) throws IOException, InterruptedException {
        if (admin.core("GET", "/api/v1/communities/" + community, null).status() == 404) {
            Response r = admin.core("POST", "/api/v1/streets/" + community.substring(0, 9) + "/communities",
                    Map.of("code", community, "name", "测试社区" + community.substring(9)));
            if (r.status() != 201 && r.status() != 409) {
                throw new AssertionError("create community " + community + ": " + r);
            }
        }
    }

    private Response login(String username, String password) throws IOException, InterruptedException {
        return send("POST", "/api/v1/auth/login", Map.of("username", username, "password", password), null);
    }

    private String programmePath(String street, String path) {
        return "/api/v1/streets/" + URLEncoder.encode(street, StandardCharsets.UTF_8) + "/programmes/" + programme
                + path;
    }

    private Response send(String method, String path, Object body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            b.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(r.statusCode(), r.body());
    }

    private static void expect(Response r, int status, String what) {
        if (r.status() != status) {
            throw new AssertionError(what + ": expected " + status + " but got " + r.status() + " " + r.body());
        }
    }

    /**
     * The platform's HTTP endpoint in this framework, e.g. {@code http://127.0.0.1:41234} (no trailing slash), once the
     * servlet whiteboard has bound its port; waits up to 60 s.
     *
     * @since 1.1
     */
    public static String endpoint(BundleContext context) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            ServiceReference<HttpServiceRuntime> ref = context.getServiceReference(HttpServiceRuntime.class);
            if (ref != null) {
                Object endpoints = ref.getProperty(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT);
                String first = endpoints instanceof String[] a && a.length > 0 ? a[0]
                        : endpoints instanceof String s ? s : null;
                if (first != null && !first.contains(":0/")) {
                    return first.endsWith("/") ? first.substring(0, first.length() - 1) : first;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no HTTP endpoint within 60 s");
    }
}
