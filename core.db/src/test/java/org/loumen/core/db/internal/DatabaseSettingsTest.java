package org.loumen.core.db.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseSettingsTest {

    @TempDir
    Path data;

    @Test
    void derbyInTheDataFolderByDefault() throws Exception {
        DatabaseSettings s = DatabaseSettings.resolve(null, data, Map.of());
        assertEquals("jdbc:derby:db;create=true", s.url());
        assertEquals(DatabaseSettings.Product.DERBY, s.product());
        assertNull(s.user());
        assertEquals(DatabaseSettings.Product.DERBY, DatabaseSettings.resolve("  ", data, Map.of()).product());
    }

    @Test
    void postgresqlWithCredentialsFromTheEnvironment() throws Exception {
        DatabaseSettings s = DatabaseSettings.resolve("jdbc:postgresql://db:5432/loumen", data,
                Map.of("LOUMEN_DB_USER", "loumen", "LOUMEN_DB_PASSWORD", "s3cret"));
        assertEquals(DatabaseSettings.Product.POSTGRESQL, s.product());
        assertEquals("loumen", s.user());
        assertEquals("s3cret", s.password());
        assertTrue(!s.toString().contains("s3cret"), s.toString());
    }

    @Test
    void credentialsFromAnOwnerOnlyFileAndNeverFromAnOpenOne() throws Exception {
        Path file = data.resolve("conf/db.credentials");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "user=loumen\npassword=from-file\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        DatabaseSettings s = DatabaseSettings.resolve("jdbc:postgresql://db/loumen", data, Map.of());
        assertEquals("loumen", s.user());
        assertEquals("from-file", s.password());
        // the environment wins over the file
        assertEquals("env", DatabaseSettings.resolve("jdbc:postgresql://db/loumen", data,
                Map.of("LOUMEN_DB_USER", "env")).user());

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        DatabaseSettings.SettingsException e = assertThrows(DatabaseSettings.SettingsException.class,
                () -> DatabaseSettings.resolve("jdbc:postgresql://db/loumen", data, Map.of()));
        assertTrue(e.getMessage().contains("chmod 600") && e.getMessage().contains("可被其他用户访问"), e.getMessage());
        assertTrue(!e.getMessage().contains("from-file"), e.getMessage());
    }

    @Test
    void aPasswordInTheUrlOrAnotherDatabaseIsRefused() {
        DatabaseSettings.SettingsException e = assertThrows(DatabaseSettings.SettingsException.class,
                () -> DatabaseSettings.resolve("jdbc:postgresql://db/loumen?user=a&password=leak", data, Map.of()));
        assertTrue(!e.getMessage().contains("leak"), e.getMessage());
        assertThrows(DatabaseSettings.SettingsException.class,
                () -> DatabaseSettings.resolve("jdbc:mysql://db/loumen", data, Map.of()));
        assertEquals("jdbc:postgresql://h/d?password=***&x=1",
                DatabaseSettings.redact("jdbc:postgresql://h/d?password=p&x=1"));
    }
}
