package org.loumen.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * The framework cache kept between starts of the same build (DATA/cache/KEY): a second start reuses it; a cache of
 * another build (simulated by another key) or one never completed is made anew; plug-ins removed from or put back into
 * DATA/plugins while the platform is stopped, and configurations removed from DATA/conf, are followed as before —
 * nothing comes back from the cache.
 */
class FrameworkCacheE2EIT extends E2EBase {

    private static final String ADMIN = "Cache-Kept-2026";
    private static final Map<String, String> ENV = Map.of("LOUMEN_ADMIN_PASSWORD", ADMIN);

    @Test
    void theCacheIsKeptForThisBuildOnlyAndFollowsPluginsAndConfiguration() throws Exception {
        Path data = tmp.resolve("data");

        // 1. first start: a fresh cache for this build; an operator's configuration from DATA/conf is applied
        Running first = startSignedIn(ENV, data, ADMIN);
        assertTrue(log(0).contains("framework cache made anew for this build"), log(0));
        Path cache = onlyCache(data);
        Files.writeString(data.resolve("conf/org.loumen.subcommittees.config"),
                "committees=[\"TESTING|测试委员会|Testing\"]\n", StandardCharsets.UTF_8);
        until(() -> committees(first), c -> c.contains("TESTING"), Duration.ofSeconds(30), "configuration applied");
        int bundles = bundleCount(first.port());
        until(() -> Files.exists(cache.resolve(".loumen-complete")), done -> done, Duration.ofSeconds(30),
                "cache marked complete");
        terminate(first.process());
        Path installed = someBundleFile(cache);
        BasicFileAttributes before = Files.readAttributes(installed, BasicFileAttributes.class);

        // 2. second start of the same jar: the same cache, its bundles not installed again
        Running second = startSignedIn(ENV, data, ADMIN);
        assertTrue(log(1).contains("framework cache reused"), log(1));
        assertEquals(cache, onlyCache(data));
        BasicFileAttributes after = Files.readAttributes(installed, BasicFileAttributes.class);
        assertEquals(before.fileKey(), after.fileKey(), "the installed bundle's file is the same one");
        assertEquals(before.lastModifiedTime(), after.lastModifiedTime());
        assertEquals(bundles, bundleCount(second.port()));
        assertTrue(committees(second).contains("TESTING"), "the file in DATA/conf still applies");
        terminate(second.process());

        // 3. while stopped: a plug-in jar and the configuration file removed — neither comes back from the cache
        Files.delete(data.resolve("plugins/plugin.mediation.jar"));
        Files.delete(data.resolve("conf/org.loumen.subcommittees.config"));
        Running third = startSignedIn(ENV, data, ADMIN);
        assertTrue(log(2).contains("framework cache reused"), log(2));
        until(() -> bundleCount(third.port()), n -> n == bundles - 1, Duration.ofSeconds(30),
                "the removed plug-in uninstalled");
        String committees = committees(third);
        assertFalse(committees.contains("TESTING"), committees);
        assertTrue(committees.contains("MEDIATION"), "the defaults again: " + committees);
        terminate(third.process());

        // 4. while stopped: the plug-in put back — installed again at the next start
        try (ZipFile jar = new ZipFile(JAR.toFile()); InputStream in = jar.getInputStream(
                jar.getEntry("plugins/plugin.mediation.jar"))) {
            Files.copy(in, data.resolve("plugins/plugin.mediation.jar"), StandardCopyOption.REPLACE_EXISTING);
        }
        Running fourth = startSignedIn(ENV, data, ADMIN);
        assertTrue(log(3).contains("framework cache reused"), log(3));
        until(() -> bundleCount(fourth.port()), n -> n == bundles, Duration.ofSeconds(30), "the plug-in back");
        terminate(fourth.process());

        // 5. a cache of another build (another key): deleted, a fresh one made for this build
        Path other = cache.resolveSibling("0123456789abcdef01234567");
        Files.move(cache, other);
        Running fifth = startSignedIn(ENV, data, ADMIN);
        assertTrue(log(4).contains("framework cache made anew for this build"), log(4));
        assertFalse(Files.exists(other), "the other build's cache is gone");
        assertEquals(cache, onlyCache(data));
        assertEquals(bundles, bundleCount(fifth.port()));
        terminate(fifth.process());

        // 6. a cache never marked complete (a start killed while installing): made anew
        Files.delete(cache.resolve(".loumen-complete"));
        Running sixth = startSignedIn(ENV, data, ADMIN);
        assertTrue(log(5).contains("framework cache made anew for this build"), log(5));
        assertEquals(bundles, bundleCount(sixth.port()));
        terminate(sixth.process());
    }

    private String committees(Running r) throws Exception {
        return send(r.port(), "GET", "/api/v1/sub-committees", r.token(), null).body();
    }

    /** The one folder under DATA/cache. */
    private static Path onlyCache(Path data) throws Exception {
        try (Stream<Path> s = Files.list(data.resolve("cache"))) {
            List<Path> all = s.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    /** A file of an installed bundle in Felix's cache (bundle1's first revision). */
    private static Path someBundleFile(Path cache) throws Exception {
        try (Stream<Path> s = Files.walk(cache.resolve("bundle1"))) {
            return s.filter(p -> p.getFileName().toString().equals("bundle.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no bundle.jar under " + cache.resolve("bundle1")));
        }
    }
}
