package org.loumen.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworkCacheTest {

    @TempDir
    Path tmp;

    @Test
    void theKeyChangesWithAnyEntryAndNotWithTheFileItself() throws IOException {
        Path a = jar("a.jar", "launcher.properties", "x=1", "jar/one.jar", "one");
        Path same = jar("same.jar", "launcher.properties", "x=1", "jar/one.jar", "one");
        Path rebuilt = jar("b.jar", "launcher.properties", "x=1", "jar/one.jar", "two");
        Path added = jar("c.jar", "launcher.properties", "x=1", "jar/one.jar", "one", "jar/two.jar", "two");
        assertEquals(FrameworkCache.key(a), FrameworkCache.key(same), "the same contents, the same key");
        assertNotEquals(FrameworkCache.key(a), FrameworkCache.key(rebuilt), "one bundle rebuilt");
        assertNotEquals(FrameworkCache.key(a), FrameworkCache.key(added), "one bundle more");
        assertEquals(24, FrameworkCache.key(a).length());
    }

    @Test
    void onlyACompletedCacheOfThisBuildIsReused() throws IOException {
        Path data = tmp.resolve("data");
        // the single cache of earlier versions and another build's cache
        Files.createDirectories(data.resolve("cache/bundle0"));
        Files.createDirectories(data.resolve("cache/0000other"));
        FrameworkCache.Prepared first = FrameworkCache.prepare(data, "k1");
        assertFalse(first.reused());
        assertTrue(Files.isDirectory(data.resolve("cache/k1")));
        assertFalse(Files.exists(data.resolve("cache/bundle0")));
        assertFalse(Files.exists(data.resolve("cache/0000other")));
        assertEquals(data.resolve("cache/k1").toString(), System.getProperty("org.osgi.framework.storage"));
        assertEquals("true", System.getProperty("launch.keep"));

        // not marked complete (a start killed while installing): made anew, its contents gone
        Files.writeString(data.resolve("cache/k1/half-installed"), "x");
        assertFalse(FrameworkCache.prepare(data, "k1").reused());
        assertFalse(Files.exists(data.resolve("cache/k1/half-installed")));

        // marked complete: reused with its contents
        Files.writeString(data.resolve("cache/k1/bundle-file"), "x");
        Files.writeString(data.resolve("cache/k1/" + FrameworkCache.COMPLETE), "complete\n");
        FrameworkCache.Prepared again = FrameworkCache.prepare(data, "k1");
        assertTrue(again.reused());
        assertTrue(Files.exists(data.resolve("cache/k1/bundle-file")));

        // another build: a fresh cache, this one deleted
        FrameworkCache.Prepared other = FrameworkCache.prepare(data, "k2");
        assertFalse(other.reused());
        assertFalse(Files.exists(data.resolve("cache/k1")));
        assertTrue(Files.isDirectory(data.resolve("cache/k2")));
    }

    private Path jar(String name, String... entries) throws IOException {
        Path p = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(p); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries.length; i += 2) {
                zip.putNextEntry(new ZipEntry(entries[i]));
                zip.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return p;
    }
}
