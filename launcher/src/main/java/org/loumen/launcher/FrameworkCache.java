package org.loumen.launcher;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The OSGi framework's bundle cache, kept in DATA/cache between starts of the same build of {@code loumen.jar}.
 *
 * <p>bnd's embedded launcher used to install every embedded bundle (~55) into a fresh cache at each start. Now the
 * cache lives in {@code DATA/cache/<key>}, where the key is a digest of the running jar's table of contents — every
 * entry's name, size and CRC, read from the zip's central directory (no entry is decompressed). Any other jar, even one
 * bundle rebuilt, has another key and starts on a fresh cache: a cache never carries a bundle of another build. Every
 * other folder under DATA/cache (another build's cache, the single cache of earlier versions) is deleted before the
 * launch.
 *
 * <p>A cache counts only once a start has completed on it: {@code org.loumen.launcher.internal.CacheMarker} writes
 * {@value #COMPLETE} into it when the framework has reached the launch's start level. A cache without it (a start
 * killed while bnd was installing) is deleted and made anew.
 *
 * <p>What the cache keeps across restarts besides the embedded bundles, and why it is safe: the plug-ins FileInstall
 * installed from DATA/plugins (FileInstall compares them with the folder at its first scan: a jar removed while the
 * platform was stopped is uninstalled, a replaced one updated, a new one installed) and Config Admin's configurations
 * (those from DATA/conf are FileInstall's too, compared with the folder the same way; the platform writes no other).
 */
final class FrameworkCache {

    /** Written into a cache once a start on it reached the launch's start level. */
    static final String COMPLETE = ".loumen-complete";
    /** The system property naming the marker file, read by the launcher bundle's CacheMarker. */
    static final String MARKER_PROPERTY = "loumen.cache.marker";

    private FrameworkCache() {
    }

    /** Whether the cache was reused or made anew, and where it is. */
    record Prepared(Path dir, boolean reused) {
    }

    /**
     * Chooses and prepares the cache folder for a build and sets the launch's properties: bnd keeps the cache
     * ({@code launch.keep}) in {@code DATA/cache/<key>}.
     */
    static Prepared prepare(Path data, String key) throws IOException {
        Path root = data.resolve("cache");
        Path dir = root.resolve(key);
        Files.createDirectories(root);
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.toList()) {
                if (!child.getFileName().toString().equals(key)) {
                    delete(child);
                }
            }
        }
        boolean reused = Files.isRegularFile(dir.resolve(COMPLETE));
        if (!reused) {
            delete(dir);
        }
        Files.createDirectories(dir);
        System.setProperty("launch.keep", "true");
        System.setProperty("launch.storage.dir", dir.toString());
        System.setProperty("org.osgi.framework.storage", dir.toString());
        System.setProperty(MARKER_PROPERTY, dir.resolve(COMPLETE).toString());
        return new Prepared(dir, reused);
    }

    /** The key of the running {@code loumen.jar}, or null when not run from a jar (then the cache is not kept). */
    static String keyOfRunningJar() {
        try {
            CodeSource source = Main.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path jar = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(jar) ? key(jar) : null;
        } catch (IOException | URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    /** A digest of the jar's table of contents: every entry's name, size and CRC-32, in name order. */
    static String key(Path jar) throws IOException {
        List<String> lines = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().forEach(e -> lines.add(line(e)));
        }
        lines.sort(null);
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String line : lines) {
            sha.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 12);
    }

    private static String line(ZipEntry e) {
        return e.getName() + '\t' + e.getSize() + '\t' + Long.toHexString(e.getCrc()) + '\n';
    }

    static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
