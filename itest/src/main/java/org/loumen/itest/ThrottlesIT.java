package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.loumen.throttle.Throttles;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;

/**
 * The global throttles (org.loumen.throttle) on the platform's own database, Derby or PostgreSQL: their counts are
 * rows of LMN_THROTTLE that any node reads and writes. Parallel callers never pass a limit; the sign-in backoff's
 * failures are a row; and a row written as another node would write it makes this node refuse the client.
 */
class ThrottlesIT extends PlatformTest {

    @InjectService(timeout = 60_000)
    Throttles throttles;

    @InjectService(timeout = 60_000, filter = "(osgi.jndi.service.name=loumen)")
    DataSource db;

    @InjectService(timeout = 60_000)
    ConfigurationAdmin configAdmin;

    @Test
    void parallelCallersNeverPassALimitAndTheCountIsARow() throws Exception {
        String key = "itest.throttles:" + UUID.randomUUID();
        Throttles.Limit limit = new Throttles.Limit(key, 5, Duration.ofHours(1));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Long>> tries = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                tries.add(() -> throttles.acquire(limit));
            }
            int taken = 0;
            for (Future<Long> f : pool.invokeAll(tries)) {
                taken += f.get() == 0 ? 1 : 0;
            }
            assertEquals(5, taken);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(5, count("l:" + key), "the count, as every node reads it");
        throttles.release(limit);
        assertEquals(4, count("l:" + key));
        assertEquals(0, throttles.acquire(limit), "a slot given back is taken again");
    }

    @Test
    void signInFailuresAreCountedInTheDatabase() throws Exception {
        admin(); // the administrator's password is the suite's, so the last check below signs in
        Configuration config = configAdmin.getConfiguration("org.loumen.identity", "?");
        try {
            config.update(new Hashtable<>(Map.of("clientFreeFailures", 3, "clientMaxDelaySeconds", 30)));
            Http.until(() -> http.json("POST", "/api/v1/auth/login", Map.of("username", "throttle-nobody",
                    "password", "Wrong-pass-1")), r -> r.status() == 429, 20, "429 after three failures");
            int failures = count("b:signin:127.0.0.1");
            assertTrue(failures >= 4, "the failures are a row of LMN_THROTTLE: " + failures);
        } finally {
            // new settings start the counts afresh (the row is deleted); then back to the defaults
            config.update(new Hashtable<>(Map.of("clientFreeFailures", 10)));
            config.delete();
        }
        Http.until(() -> http.json("POST", "/api/v1/auth/login", Map.of("username", "admin", "password",
                PASSWORD)), r -> r.status() == 200, 20, "sign-in allowed again");
    }

    @Test
    void aBackoffWrittenByAnotherNodeIsObeyedHere() throws Exception {
        String key = "b:ballot-code:127.0.0.1";
        long now = System.currentTimeMillis();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM LMN_THROTTLE WHERE K = ?")) {
                d.setString(1, key);
                d.executeUpdate();
            }
            // what another node writes after the client's 12th unknown code there: wait 30 s
            try (PreparedStatement i = c.prepareStatement("INSERT INTO LMN_THROTTLE (K, N, SINCE, LAST_AT, "
                    + "NOT_BEFORE, EXPIRES) VALUES (?, 12, ?, ?, ?, ?)")) {
                i.setString(1, key);
                i.setLong(2, now);
                i.setLong(3, now);
                i.setLong(4, now + 30_000);
                i.setLong(5, now + 3_600_000);
                i.executeUpdate();
            }
        }
        try {
            Http.Response r = http.json("POST", "/api/v1/ballots", Map.of("code", "0000-0000-0000", "ratings",
                    List.of(Map.of("leader", "1", "rating", "SATISFIED"))));
            assertEquals(429, r.status(), r.body());
            assertEquals("too-many-attempts", r.json().get("error").asText());
            assertTrue(Long.parseLong(r.header("Retry-After")) > 0);
        } finally {
            try (Connection c = db.getConnection();
                    PreparedStatement d = c.prepareStatement("DELETE FROM LMN_THROTTLE WHERE K = ?")) {
                d.setString(1, key);
                d.executeUpdate();
            }
        }
        assertEquals(404, http.json("POST", "/api/v1/ballots", Map.of("code", "0000-0000-0000", "ratings",
                List.of(Map.of("leader", "1", "rating", "SATISFIED")))).status(), "the row gone, the code is looked up");
    }

    private int count(String key) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT N FROM LMN_THROTTLE WHERE K = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }
}
