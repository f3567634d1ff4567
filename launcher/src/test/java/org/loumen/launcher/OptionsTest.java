package org.loumen.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaults() throws Exception {
        Options o = Options.parse();
        assertEquals(8080, o.port());
        assertEquals(null, o.host());
        assertEquals("0.0.0.0", o.listenHost());
        assertEquals(Path.of("loumen-data"), o.data());
        assertFalse(o.demo());
    }

    @Test
    void spaceAndEqualsForms() throws Exception {
        Options o = Options.parse("--port", "9090", "--data=/srv/loumen", "--demo", "--host", "127.0.0.1");
        assertEquals(9090, o.port());
        assertEquals(Path.of("/srv/loumen"), o.data());
        assertTrue(o.demo());
        assertEquals("127.0.0.1", o.host());
        assertEquals(1, Options.parse("--port=1").port());
        assertEquals(65535, Options.parse("--port=65535").port());
    }

    @Test
    void badArgumentsAreRefusedWithAReason() {
        assertThrows(Options.UsageException.class, () -> Options.parse("--port", "0"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--port", "65536"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--port", "80a"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--port"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--port", "--demo"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--data", ""));
        assertThrows(Options.UsageException.class, () -> Options.parse("--demo=yes"));
        Options.UsageException e = assertThrows(Options.UsageException.class, () -> Options.parse("--verbose"));
        assertTrue(e.getMessage().contains("--verbose"));
    }

    @Test
    void theDatabaseIsAUrlWithoutAPassword() throws Exception {
        assertEquals(null, Options.parse().db());
        assertEquals("jdbc:postgresql://db:5432/loumen", Options.parse("--db", "jdbc:postgresql://db:5432/loumen").db());
        assertEquals("jdbc:postgresql://db/loumen", Options.parse("--db=jdbc:postgresql://db/loumen").db());
        assertThrows(Options.UsageException.class, () -> Options.parse("--db", "mysql://db/loumen"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--db"));
        Options.UsageException e = assertThrows(Options.UsageException.class,
                () -> Options.parse("--db", "jdbc:postgresql://db/loumen?user=x&password=leaked"));
        assertTrue(e.getMessage().contains("LOUMEN_DB_PASSWORD") && !e.getMessage().contains("leaked"), e.getMessage());
    }
}
