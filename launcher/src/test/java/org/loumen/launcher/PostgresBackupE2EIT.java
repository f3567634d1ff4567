package org.loumen.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.loumen.testkit.DemoPlaces;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The PostgreSQL backup drill of docs/deployment.md, as written there: a platform on PostgreSQL (from
 * {@code cnf/postgres.sh}) serves a writer; {@code pg_dump -Fc} is taken while it writes; the dump is restored with
 * {@code pg_restore} into a new, empty database; a new node with a new data folder starts on it with {@code --db}; every
 * write acknowledged before the dump began is there and {@code /api/v1/audit/verify} is intact.
 */
class PostgresBackupE2EIT extends E2EBase {

    static final String PASSWORD = "Pg-Backup-Drill-2026!";
    static final String STREET = DemoPlaces.SHUANGGANG;

    @Test
    void aPgDumpTakenWhileWritingRestoresEveryAcknowledgedWriteWithAnIntactChain() throws Exception {
        Path script = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("../cnf/postgres.sh")
                .normalize();
        Optional<Path> bin = pgBin();
        Assumptions.assumeTrue(Files.exists(script) && bin.isPresent(), "needs cnf/postgres.sh and PostgreSQL's "
                + "client programs (pg_dump, pg_restore, createdb)");
        Path pg = tmp.resolve("pg");
        String url = TwoNodeE2EIT.startPostgres(script, pg);
        String port = Files.readString(pg.resolve("port")).strip();
        Map<String, String> env = new HashMap<>(Map.of("LOUMEN_DB_USER", "loumen", "LOUMEN_DB_PASSWORD",
                "loumen-test", "LOUMEN_ADMIN_PASSWORD", PASSWORD));
        int web = freePort();
        Process platform = start(env, tmp.resolve("node"), web, "--db", url);
        awaitHealth(platform, web);
        String token = login(web, "admin", PASSWORD);

        CommunityWriter writer = CommunityWriter.start(this, web, token, STREET, "PG备份演练社区");

        // the dump, while the writer goes on (one snapshot: pg_dump's transaction)
        Path dump = tmp.resolve("loumen.dump");
        long began = System.nanoTime();
        run(bin.get(), "pg_dump", "-Fc", "-h", "127.0.0.1", "-p", port, "-U", "loumen", "-d", "loumen", "-f",
                dump.toString());
        long took = (System.nanoTime() - began) / 1_000_000;
        int before = writer.acknowledgedBefore(began);
        writer.goesOnThenStops(before, "dump");
        System.out.printf("PostgresBackupE2EIT: pg_dump of %d bytes in %d ms while writing; %d writes acknowledged "
                + "before it began, %d in all%n", Files.size(dump), took, before, writer.acknowledged());

        // restore into a new, empty database and start a new node (new data folder) on it
        run(bin.get(), "createdb", "-h", "127.0.0.1", "-p", port, "-U", "loumen", "-O", "loumen", "loumen_restored");
        run(bin.get(), "pg_restore", "-h", "127.0.0.1", "-p", port, "-U", "loumen", "-d", "loumen_restored",
                "--no-owner", "--exit-on-error", dump.toString());
        terminate(platform);
        int web2 = freePort();
        Process restored = start(env, tmp.resolve("restored-node"), web2, "--db",
                url.substring(0, url.lastIndexOf('/') + 1) + "loumen_restored");
        awaitHealth(restored, web2);
        String token2 = login(web2, "admin", PASSWORD);
        writer.assertRestoredOn(this, web2, token2, began, "dump");
        // the restored platform takes writes: its chain goes on from the restored head
        json(send(web2, "POST", "/api/v1/streets/" + STREET + "/communities", token2,
                "{\"code\":\"" + STREET + "999\",\"name\":\"恢复后新社区\"}"), 201);
        JsonNode after = json(send(web2, "GET", "/api/v1/audit/verify", token2, null), 200);
        assertTrue(after.get("intact").asBoolean(), after.toString());
        terminate(restored);
    }

    /** PostgreSQL's client programs: $LOUMEN_PG_BIN, else the newest /usr/lib/postgresql/N/bin (as cnf/postgres.sh). */
    static Optional<Path> pgBin() throws IOException {
        String env = System.getenv("LOUMEN_PG_BIN");
        if (env != null && Files.isExecutable(Path.of(env, "pg_dump"))) {
            return Optional.of(Path.of(env));
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_dump")))
                    .max(Comparator.comparingInt(b -> {
                        try {
                            return Integer.parseInt(b.getParent().getFileName().toString());
                        } catch (NumberFormatException e) {
                            return 0;
                        }
                    }));
        }
    }

    private void run(Path bin, String program, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(bin.resolve(program).toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, program + "-", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("PGPASSWORD", "loumen-test");
        Process p = pb.start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), program + " ended within 5 min");
        assertEquals(0, p.exitValue(), program + ": " + Files.readString(out));
    }
}
