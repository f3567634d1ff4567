package org.loumen.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Many first listings at once on a small pool: each of them holds one connection while it asks for another
 * (EclipseLink's read-only query inside a transaction tied to its connection), which from one pool of two left every
 * request waiting until the pool's timeout answered 500. From the pool's tiers every request is answered.
 */
class PoolNestingE2EIT extends E2EBase {

    private static final String ADMIN = "Pool-Nesting-2026";
    private static final List<String> LISTINGS = List.of("/api/v1/users?size=5&page=",
            "/api/v1/leaders?size=20&page=", "/api/v1/households?size=20&page=",
            "/api/v1/reports/leader-profile?page=", "/api/v1/meetings/cadence?page=", "/api/v1/care/overdue?page=",
            "/api/v1/projects?page=", "/api/v1/audit?size=5&page=");

    @Test
    void concurrentFirstListingsOnATwoConnectionPoolAreAllAnswered() throws Exception {
        Path data = tmp.resolve("data");
        Files.createDirectories(data.resolve("conf"));
        Files.writeString(data.resolve("conf/org.loumen.db.cfg"),
                "maximumPoolSize=2\nminimumIdle=1\nconnectionTimeoutSeconds=5\n", StandardCharsets.UTF_8);
        Running platform = startSignedIn(Map.of("LOUMEN_ADMIN_PASSWORD", ADMIN), data, ADMIN, "--demo");

        int clients = 32;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String path = LISTINGS.get(i % LISTINGS.size()) + (1 + i / LISTINGS.size());
                answers.add(pool.submit(() -> send(platform.port(), "GET", path, platform.token(), null)));
            }
            for (int i = 0; i < clients; i++) {
                HttpResponse<String> r = answers.get(i).get(60, TimeUnit.SECONDS);
                assertEquals(200, r.statusCode(), r.request().uri() + ": " + r.body());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
