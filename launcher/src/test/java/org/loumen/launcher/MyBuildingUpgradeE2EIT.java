package org.loumen.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Enumeration;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The shipped 我的楼门 (my-building) upgraded in the real {@code loumen.jar} with a new column: version 0.2.0 of its
 * jar (built here: the shipped jar with its household entity compiled with one more field, NICKNAME) dropped over the
 * running one. The new version serves without a restart, every row is kept (households, codes, points, the ledger),
 * writes go on, and after the stop the table has the new column beside the old rows; the changed unit was extended
 * (its fingerprint stored after the drop), and a warm restart with the same mappings does not extend it again.
 */
class MyBuildingUpgradeE2EIT extends E2EBase {

    static final String PASSWORD = "Operator-Chosen-2026";
    static final String API = "/api/v1/streets/120112103/programmes/my-building";
    static final String UNIT = "120112103001B002U02";
    static final String ENTITY = "org/loumen/plugin/my/building/internal/HouseholdEntity";

    @Test
    void anUpgradeWithANewColumnKeepsEveryRow() throws Exception {
        Path data = tmp.resolve("data");
        int port = freePort();
        Process platform = start(Map.of("LOUMEN_ADMIN_PASSWORD", PASSWORD), data, port, "--demo");
        awaitHealth(platform, port);
        String admin = login(port, "admin", PASSWORD);
        JsonNode before = until(() -> send(port, "GET", API + "/units/" + UNIT + "/households", admin, null),
                r -> r.statusCode() == 200, Duration.ofSeconds(60), "my-building serving its demo data").body()
                .transform(this::read);
        assertTrue(before.size() >= 3, before.toString());
        int ledger = json(send(port, "GET", API + "/points?unit=" + UNIT, admin, null), 200).size();
        assertTrue(ledger > 0);

        // version 0.2.0: the same jar, the household entity with one more field (a new column)
        Path shipped = data.resolve("plugins/plugin.my-building.jar");
        Path upgraded = upgrade(shipped, tmp.resolve("work"));
        long dropped = System.currentTimeMillis();
        Path temp = shipped.resolveSibling(".plugin.my-building.jar.part");
        Files.copy(upgraded, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, shipped, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        until(() -> programme(port, admin), p -> p != null && p.get("version").asText().equals("0.2.0")
                && p.get("state").asText().equals("ACTIVE"), Duration.ofSeconds(60), "my-building 0.2.0 ACTIVE");

        // every row kept: the same households with the same codes and points, the same ledger; writes go on
        JsonNode after = until(() -> send(port, "GET", API + "/units/" + UNIT + "/households", admin, null),
                r -> r.statusCode() == 200, Duration.ofSeconds(30), "households after the upgrade").body()
                .transform(this::read);
        assertEquals(before, after);
        assertEquals(ledger, json(send(port, "GET", API + "/points?unit=" + UNIT, admin, null), 200).size());
        long household = after.get(0).get("id").asLong();
        json(send(port, "POST", API + "/points/corrections", admin, "{\"household\":" + household
                + ",\"delta\":3,\"note\":\"升级后补记\"}"), 201);
        terminate(platform);

        // the table has the new column, empty on the old rows; the changed unit was extended and its fingerprint
        // stored after the drop
        long extended;
        try (Connection db = derby(data)) {
            ResultSet rs = db.createStatement().executeQuery("SELECT COUNT(*), COUNT(NICKNAME) FROM MB_HOUSEHOLD");
            assertTrue(rs.next());
            assertTrue(rs.getInt(1) >= before.size(), "rows kept: " + rs.getInt(1));
            assertEquals(0, rs.getInt(2), "the new column is there, empty on the old rows");
            extended = extendedAt(db);
            assertTrue(extended >= dropped, "my-building's unit extended after the upgrade was dropped");
        }
        shutdown(data);

        // a warm restart with the same (upgraded) mappings skips the extension, and serves every row
        Process again = start(Map.of("LOUMEN_ADMIN_PASSWORD", PASSWORD), data, port, "--demo");
        awaitHealth(again, port);
        String admin2 = login(port, "admin", PASSWORD);
        until(() -> send(port, "GET", API + "/units/" + UNIT + "/households", admin2, null),
                r -> r.statusCode() == 200, Duration.ofSeconds(60), "households after a restart");
        assertTrue(json(send(port, "GET", API + "/points?unit=" + UNIT, admin2, null), 200).size() > ledger,
                "the ledger with the correction written after the upgrade");
        terminate(again);
        try (Connection db = derby(data)) {
            assertEquals(extended, extendedAt(db), "unchanged mappings: not extended again at the restart");
        }
    }

    /** When my-building's unit (its tables MB_*) was last extended, from the schema check's table. */
    private static long extendedAt(Connection db) throws Exception {
        ResultSet rs = db.createStatement().executeQuery(
                "SELECT EXTENDED_AT FROM LMN_SCHEMA_FINGERPRINT WHERE TABLE_NAMES LIKE '%MB_HOUSEHOLD%'");
        assertTrue(rs.next(), "my-building's fingerprint stored");
        long at = rs.getLong(1);
        assertTrue(!rs.next(), "one row for the unit");
        return at;
    }

    private JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode programme(int port, String admin) throws Exception {
        for (JsonNode p : json(send(port, "GET", "/api/v1/programmes", admin, null), 200)) {
            if (p.get("id").asText().equals("my-building")) {
                return p;
            }
        }
        return null;
    }

    /** Extracts a bundle the launcher embeds (jar/&lt;name&gt;-*.jar) to compile or connect with. */
    private static Path embedded(String prefix, Path dir) throws Exception {
        Files.createDirectories(dir);
        try (JarFile launcher = new JarFile(JAR.toFile())) {
            for (Enumeration<JarEntry> e = launcher.entries(); e.hasMoreElements();) {
                JarEntry entry = e.nextElement();
                if (entry.getName().startsWith("jar/" + prefix)) {
                    Path out = dir.resolve(entry.getName().substring(4));
                    try (InputStream in = launcher.getInputStream(entry)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                    return out;
                }
            }
        }
        throw new AssertionError("no " + prefix + " in " + JAR);
    }

    /** The shipped jar as version 0.2.0 with HouseholdEntity compiled with a new field. */
    private static Path upgrade(Path shipped, Path work) throws Exception {
        Path src = work.resolve("src/" + ENTITY + ".java");
        Files.createDirectories(src.getParent());
        String source = Files.readString(Path.of("../plugin.my-building/src/main/java/" + ENTITY + ".java"),
                StandardCharsets.UTF_8);
        source = source.replace("    @Version\n", "    @Column(name = \"NICKNAME\", length = 40)\n    String nickname;\n\n"
                + "    @Version\n");
        assertTrue(source.contains("NICKNAME"));
        Files.writeString(src, source, StandardCharsets.UTF_8);
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String cp = embedded("jakarta.persistence", work.resolve("lib")) + java.io.File.pathSeparator + shipped;
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), "-cp", cp, "--release", "17",
                src.toString()), "compiled");
        Path out = work.resolve("plugin.my-building-0.2.0.jar");
        try (JarFile in = new JarFile(shipped.toFile())) {
            Manifest m = new Manifest(in.getManifest());
            m.getMainAttributes().putValue("Bundle-Version", "0.2.0");
            try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(out), m)) {
                for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements();) {
                    JarEntry entry = e.nextElement();
                    if (entry.getName().equals("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    jar.putNextEntry(new JarEntry(entry.getName()));
                    if (entry.getName().equals(ENTITY + ".class")) {
                        jar.write(Files.readAllBytes(classes.resolve(ENTITY + ".class")));
                    } else {
                        try (InputStream body = in.getInputStream(entry)) {
                            body.transferTo((OutputStream) jar);
                        }
                    }
                }
            }
        }
        return out;
    }

    private Driver derbyDriver;

    /** The platform's database, opened with the Derby the launcher embeds (the platform is stopped). */
    private Connection derby(Path data) throws Exception {
        if (derbyDriver == null) {
            Path jar = embedded("derby-", tmp.resolve("derby"));
            // Derby's own log beside the check, not in the working directory
            System.setProperty("derby.stream.error.file", tmp.resolve("derby/derby.log").toString());
            URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() },
                    ClassLoader.getPlatformClassLoader());
            derbyDriver = (Driver) loader.loadClass("org.apache.derby.jdbc.EmbeddedDriver").getDeclaredConstructor()
                    .newInstance();
        }
        return derbyDriver.connect("jdbc:derby:" + data.resolve("db").toAbsolutePath(), new Properties());
    }

    /** Closes the database in this JVM again, so that the platform can open it. */
    private void shutdown(Path data) {
        try {
            derbyDriver.connect("jdbc:derby:" + data.resolve("db").toAbsolutePath() + ";shutdown=true",
                    new Properties());
        } catch (java.sql.SQLException e) {
            // 08006: the database was shut down
        }
    }

}
