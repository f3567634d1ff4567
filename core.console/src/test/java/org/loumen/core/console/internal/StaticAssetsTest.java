package org.loumen.core.console.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticAssetsTest {

    @TempDir
    Path root;

    final List<String> asked = new ArrayList<>();

    StaticAssets assets() {
        return new StaticAssets(path -> {
            asked.add(path);
            Path p = root.resolve(path);
            try {
                return Files.exists(p) ? p.toUri().toURL() : null;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void servesKnownKindsWithTypeGzipAndETag() throws Exception {
        String js = "export const x = 1;\n".repeat(100);
        Files.createDirectories(root.resolve("js"));
        Files.writeString(root.resolve("js/a.js"), js);
        StaticAssets.Asset a = assets().find("js/a.js").orElseThrow();
        assertEquals("text/javascript;charset=utf-8", a.type());
        assertArrayEquals(js.getBytes(StandardCharsets.UTF_8), a.bytes());
        assertNotNull(a.gzip());
        assertTrue(a.gzip().length < a.bytes().length);
        assertArrayEquals(a.bytes(), new GZIPInputStream(new ByteArrayInputStream(a.gzip())).readAllBytes());
        assertTrue(a.etag().matches("\"[0-9a-f]{24}\""), a.etag());
    }

    @Test
    void smallAndBinaryFilesAreNotCompressed() throws Exception {
        Files.writeString(root.resolve("s.css"), "a{}");
        Files.write(root.resolve("i.png"), new byte[2048]);
        assertNull(assets().find("s.css").orElseThrow().gzip());
        assertNull(assets().find("i.png").orElseThrow().gzip());
    }

    @Test
    void refusesTraversalHiddenFilesAndUnknownKinds() throws Exception {
        Files.writeString(root.resolve("secret.properties"), "x=1");
        Files.writeString(root.resolve(".hidden.js"), "x");
        StaticAssets assets = assets();
        for (String bad : List.of("../etc/passwd.js", "js/../../x.js", "/abs.js", ".hidden.js", "a//b.js",
                "secret.properties", "a\\b.js", "", "x.js/")) {
            assertTrue(assets.find(bad).isEmpty(), bad);
        }
        assertTrue(asked.isEmpty(), "nothing unsafe reaches the bundle: " + asked);
        assertTrue(assets.find("missing.js").isEmpty());
    }

    @Test
    void readsAFileOnce() throws Exception {
        Files.writeString(root.resolve("m.js"), "1");
        StaticAssets assets = assets();
        assets.find("m.js");
        assets.find("m.js");
        assertEquals(List.of("m.js"), asked);
    }

}
