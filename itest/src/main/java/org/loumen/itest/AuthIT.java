package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;

/** Sign-in, sign-out, first-login password change, lockout, backoff and disabling, with their audit entries. */
class AuthIT extends PlatformTest {

    @Test
    void noRouteButPublicOnesAnswersWithoutAToken() throws Exception {
        Http.Response r = http.get("/api/v1/streets");
        assertEquals(401, r.status());
        assertEquals("unauthenticated", r.json().get("error").asText());
        assertTrue(r.json().get("message").asText().contains("登录"), r.body());

        Http.Response forged = http.as("not-a-real-token").get("/api/v1/streets");
        assertEquals(401, forged.status());
        assertEquals("invalid-token", forged.json().get("error").asText());

        assertEquals(200, http.get("/api/v1/district").status());
        assertEquals(200, http.get("/api/v1/public/streets").status());
        // the production jar has no web console; in the test launch /system/console is not an API route either
        assertEquals(404, http.get("/system/console").status());
    }

    @Test
    void theInitialPasswordFileIsReadableByItsOwnerOnly() throws Exception {
        admin(); // the first administrator sign-in changes the generated password, which removes the file
        Path file = Paths.get(System.getProperty("loumen.data")).resolve("demo-accounts.txt");
        assertTrue(Files.exists(file), "demo accounts printed and written");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(Files.exists(file.resolveSibling("initial-admin-password")),
                "the initial password file goes once the administrator has chosen their own");
    }

    @Test
    void loginMeLogout() throws Exception {
        Http admin = admin();
        Http.Response me = admin.get("/api/v1/auth/me");
        assertEquals(200, me.status(), me.body());
        JsonNode user = me.json().get("user");
        assertEquals("admin", user.get("username").asText());
        assertEquals("DISTRICT_ADMIN", user.get("bindings").get(0).get("role").asText());
        assertEquals(DISTRICT, user.get("bindings").get(0).get("node").asText());
        assertFalse(user.get("mustChangePassword").asBoolean());
        assertFalse(user.toString().contains("pbkdf2"), "never the hash");
        Instant expires = Instant.parse(me.json().get("expiresAt").asText());
        assertTrue(expires.isAfter(Instant.now().plusSeconds(25 * 60)), "idle timeout of 30 minutes by default");

        assertEquals(204, admin.send("POST", "/api/v1/auth/logout", null, null).status());
        Http.Response after = admin.get("/api/v1/auth/me");
        assertEquals(401, after.status());
        assertEquals("invalid-token", after.json().get("error").asText());
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() throws Exception {
        Http.Response wrong = http.json("POST", "/api/v1/auth/login", Map.of("username", "admin", "password", "nope"));
        Http.Response unknown = http.json("POST", "/api/v1/auth/login",
                Map.of("username", "nobody-here", "password", "nope"));
        assertEquals(401, wrong.status());
        assertEquals(wrong.body(), unknown.body());
        Http.Response missing = http.json("POST", "/api/v1/auth/login", Map.of("username", "admin"));
        assertEquals(400, missing.status());
        assertEquals("password", missing.json().get("field").asText());
    }

    @Test
    void aPasswordSetBySomeoneElseMustBeChangedFirst() throws Exception {
        Http admin = admin();
        Http.Response created = admin.json("POST", "/api/v1/users", Map.of("username", "first-login",
                "displayName", "首次登录", "bindings", List.of(Map.of("role", "COMMUNITY_SECRETARY", "node", GANGWAN))));
        assertEquals(201, created.status(), created.body());
        String temporary = created.json().get("temporaryPassword").asText();
        assertTrue(created.json().get("user").get("mustChangePassword").asBoolean());

        Http fresh = login("first-login", temporary);
        Http.Response blocked = fresh.get("/api/v1/communities/" + GANGWAN);
        assertEquals(403, blocked.status());
        assertEquals("password-change-required", blocked.json().get("error").asText());

        Http.Response weak = fresh.json("POST", "/api/v1/auth/password",
                Map.of("currentPassword", temporary, "newPassword", "short"));
        assertEquals(400, weak.status());
        assertEquals("newPassword", weak.json().get("field").asText());

        changePassword(fresh, temporary, PASSWORD);
        assertEquals(200, fresh.get("/api/v1/communities/" + GANGWAN).status(), "the session goes on");
        assertEquals(401, http.json("POST", "/api/v1/auth/login",
                Map.of("username", "first-login", "password", temporary)).status(), "the old password is gone");
    }

    @Test
    void fiveFailuresLockTheAccountUntilAnAdminUnlocksIt() throws Exception {
        Http admin = admin();
        user("locked-out", "COMMUNITY_SECRETARY", GANGWAN);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, http.json("POST", "/api/v1/auth/login",
                    Map.of("username", "locked-out", "password", "Wrong-pass-" + i)).status());
        }
        Http.Response locked = http.json("POST", "/api/v1/auth/login",
                Map.of("username", "locked-out", "password", PASSWORD));
        assertEquals(423, locked.status(), "locked even with the right password");
        assertEquals("account-locked", locked.json().get("error").asText());
        assertTrue(locked.json().get("message").asText().contains("15"), locked.body());

        JsonNode view = admin.get("/api/v1/users/locked-out").json();
        assertNotNull(view.get("lockedUntil").asText(null), view.toString());
        assertEquals(200, admin.send("POST", "/api/v1/users/locked-out/unlock", null, null).status());
        assertEquals(200, http.json("POST", "/api/v1/auth/login",
                Map.of("username", "locked-out", "password", PASSWORD)).status());

        JsonNode audit = admin.get("/api/v1/audit?action=auth.login&outcome=FAILURE&size=200").json();
        long failures = 0;
        for (JsonNode e : audit.get("items")) {
            failures += "locked-out".equals(e.get("object").asText()) ? 1 : 0;
        }
        assertEquals(6, failures, "five wrong passwords and one attempt while locked");
        JsonNode success = admin.get("/api/v1/audit?action=auth.login&actor=locked-out&outcome=SUCCESS").json();
        assertTrue(success.get("total").asInt() >= 2, success.toString());
    }

    @Test
    void aClientThatKeepsFailingMustWait(@InjectService ConfigurationAdmin configAdmin) throws Exception {
        Configuration config = configAdmin.getConfiguration("org.loumen.identity", "?");
        try {
            config.update(new Hashtable<>(Map.of("clientFreeFailures", 3, "clientMaxDelaySeconds", 30)));
            Http.until(() -> http.json("POST", "/api/v1/auth/login",
                    Map.of("username", "nobody", "password", "Wrong-pass-1")), r -> r.status() == 429, 20,
                    "429 after three failures");
            Http.Response throttled = http.json("POST", "/api/v1/auth/login",
                    Map.of("username", "admin", "password", PASSWORD));
            assertEquals(429, throttled.status(), "refused before any password is checked");
            assertEquals("too-many-attempts", throttled.json().get("error").asText());
        } finally {
            config.delete(); // back to the defaults, which also forgets the counts
        }
        Http.until(() -> http.json("POST", "/api/v1/auth/login", Map.of("username", "admin", "password", PASSWORD)),
                r -> r.status() == 200, 20, "sign-in allowed again");
    }

    @Test
    void disablingAUserEndsTheirSessionsAtOnce() throws Exception {
        Http admin = admin();
        Http victim = user("to-disable", "LEADER", GANGWAN);
        assertEquals(200, victim.get("/api/v1/communities/" + GANGWAN).status());
        long version = admin.get("/api/v1/users/to-disable").json().get("version").asLong();
        Http.Response disabled = admin.json("PUT", "/api/v1/users/to-disable",
                Map.of("enabled", false, "version", version));
        assertEquals(200, disabled.status(), disabled.body());
        assertEquals(401, victim.get("/api/v1/communities/" + GANGWAN).status());
        assertEquals(403, http.json("POST", "/api/v1/auth/login",
                Map.of("username", "to-disable", "password", PASSWORD)).status());
        Http.Response stale = admin.json("PUT", "/api/v1/users/to-disable", Map.of("enabled", true, "version", version));
        assertEquals(409, stale.status(), "optimistic locking");
    }
}
