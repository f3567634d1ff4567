package org.loumen.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.loumen.testkit.DemoPlaces;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The backup drill: {@code loumen.jar backup} while a writer keeps writing through the API, then {@code restore} into a
 * new folder and a platform started on it: every write acknowledged before the backup began is there, and the audit
 * chain is intact. Also the command's refusals (exit 1 or 2, one clear line) and the route for administrators.
 */
class BackupE2EIT extends E2EBase {

    static final String PASSWORD = "Backup-Drill-2026!";
    static final String STREET = DemoPlaces.SHUANGGANG;

    @Test
    void aBackupTakenWhileWritingRestoresEveryAcknowledgedWriteWithAnIntactChain() throws Exception {
        Path data = tmp.resolve("data");
        int port = freePort();
        Process platform = start(Map.of("LOUMEN_ADMIN_PASSWORD", PASSWORD), data, port);
        awaitHealth(platform, port);
        String token = login(port, "admin", PASSWORD);

        CommunityWriter writer = CommunityWriter.start(this, port, token, STREET, "备份演练社区");

        // the backup, while the writer goes on
        Path backup = tmp.resolve("drill.zip");
        long began = System.nanoTime();
        Command made = command("backup", "--data", data.toString(), "--to", backup.toString());
        long took = (System.nanoTime() - began) / 1_000_000;
        assertEquals(0, made.status(), made.output());
        assertTrue(made.output().contains("online backup made"), made.output());
        int before = writer.acknowledgedBefore(began);
        writer.goesOnThenStops(before, "backup");
        System.out.printf("BackupE2EIT: online backup of %d bytes in %d ms (command to exit) while writing; %d writes "
                + "acknowledged before it began, %d in all%n", Files.size(backup), took, before, writer.acknowledged());

        // refusals: one clear line and a non-zero exit
        Command again = command("backup", "--data", data.toString(), "--to", backup.toString());
        assertEquals(1, again.status(), again.output());
        assertTrue(again.output().contains("already exists"), again.output());
        Command noTarget = command("backup", "--data", data.toString());
        assertEquals(2, noTarget.status(), noTarget.output());
        assertTrue(noTarget.output().contains("--to is required"), noTarget.output());
        Command notData = command("backup", "--data", tmp.resolve("nothing").toString(), "--to",
                tmp.resolve("x.zip").toString());
        assertEquals(1, notData.status(), notData.output());
        Command missing = command("restore", "--from", tmp.resolve("missing.zip").toString(), "--data",
                tmp.resolve("r0").toString());
        assertEquals(1, missing.status(), missing.output());
        assertTrue(missing.output().contains("no such backup file"), missing.output());
        Command occupied = command("restore", "--from", backup.toString(), "--data", data.toString());
        assertEquals(1, occupied.status(), occupied.output());
        assertTrue(occupied.output().contains("not empty"), occupied.output());

        // the route for administrators makes the same kind of backup on the server
        HttpResponse<String> viaRoute = send(port, "POST", "/api/v1/system/backup", token, null);
        JsonNode routeBackup = json(viaRoute, 201);
        assertTrue(Files.exists(Path.of(routeBackup.get("file").asText())), viaRoute.body());

        // restore into a new folder and start there
        Path restored = tmp.resolve("restored");
        Command back = command("restore", "--from", backup.toString(), "--data", restored.toString());
        assertEquals(0, back.status(), back.output());
        int port2 = freePort();
        Process second = start(Map.of("LOUMEN_ADMIN_PASSWORD", "Not-Used-2026!x"), restored, port2);
        awaitHealth(second, port2);
        String token2 = login(port2, "admin", PASSWORD);
        writer.assertRestoredOn(this, port2, token2, began, "backup");
        terminate(second);
        terminate(platform);
    }

    record Command(int status, String output) {
    }

    Command command(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "command-", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the command ended within 5 min");
        return new Command(p.exitValue(), Files.readString(out));
    }
}
