package org.loumen.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens before the framework starts: exit codes and one-line errors. */
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int prepare(String... args) {
        return Main.prepare(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, prepare("--nope"));
        assertTrue(errText().contains("unknown argument: --nope"));
        assertTrue(errText().contains("usage:"));
    }

    @Test
    void helpExitsWithZero() {
        assertEquals(0, prepare("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--port"));
    }

    @Test
    void aPortInUseIsOneLineAndExitOne(@TempDir Path data) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int status = prepare("--host", "127.0.0.1", "--port", Integer.toString(taken.getLocalPort()),
                    "--data", data.toString());
            assertEquals(1, status);
            assertTrue(errText().contains("already in use"), errText());
            assertEquals(1, errText().strip().lines().count(), errText());
        }
    }

    @Test
    void aLockedDataFolderIsRefusedAndTheLayoutIsCreated(@TempDir Path data) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertEquals(-1, prepare("--host", "127.0.0.1", "--port", Integer.toString(port), "--data", data.toString()));
        assertTrue(Files.isDirectory(data.resolve("plugins")));
        assertTrue(Files.isDirectory(data.resolve("logs")));
        assertTrue(Files.exists(data.resolve("conf/logback.xml")));
        // the first call holds the lock for the life of this JVM, as a running instance would
        assertEquals(1, prepare("--host", "127.0.0.1", "--port", Integer.toString(port), "--data", data.toString()));
        assertTrue(errText().contains("in use by another running instance"), errText());
    }

    @Test
    void anUnwritableDataFolderIsOneLineAndExitOne(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertEquals(1, prepare("--data", file.toString()));
        assertEquals(1, errText().strip().lines().count(), errText());
    }

    @Test
    void anOpenCredentialsFileOrAPasswordInTheDatabaseUrlStopsTheStart(@TempDir Path data) throws Exception {
        Path file = data.resolve("conf/db.credentials");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "user=loumen\npassword=do-not-print\n");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        assertEquals(1, prepare("--data", data.toString(), "--db", "jdbc:postgresql://127.0.0.1:1/loumen"));
        assertTrue(errText().contains("chmod 600") && errText().contains("refused"), errText());
        assertTrue(!errText().contains("do-not-print"), errText());

        Files.delete(file);
        Files.writeString(data.resolve("conf/db.properties"), "db.url=jdbc:postgresql://db/loumen?password=x\n");
        err.reset();
        assertEquals(1, prepare("--data", data.toString()));
        assertTrue(errText().contains("must not carry a password"), errText());
    }
}
