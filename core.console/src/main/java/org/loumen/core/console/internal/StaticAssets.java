package org.loumen.core.console.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Static files read once from a bundle folder and kept in memory with their gzip form and an ETag, so a page load
 * costs no bundle reads or compression after the first. Only plain relative paths are served: no {@code ..}, no
 * hidden files, no unknown kinds of file.
 */
final class StaticAssets {

    /** Plain path segments: letters, digits, dot, dash, underscore; no leading dot. */
    private static final Pattern SAFE_PATH = Pattern.compile("(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)*"
            + "[A-Za-z0-9_-][A-Za-z0-9._-]*");

    static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "json", "application/json;charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain;charset=utf-8",
            "woff2", "font/woff2");

    /** One file: its bytes, gzip bytes when worth it, type and strong ETag. */
    record Asset(byte[] bytes, byte[] gzip, String type, String etag) {
    }

    private final Function<String, URL> resolver;
    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    /** @param resolver finds a file by its relative path (e.g. {@code bundle.getEntry("static/" + path)}) */
    StaticAssets(Function<String, URL> resolver) {
        this.resolver = resolver;
    }

    /** The file at the relative path, or empty when it does not exist or may not be served. */
    Optional<Asset> find(String path) {
        if (path == null || path.length() > 200 || !SAFE_PATH.matcher(path).matches()) {
            return Optional.empty();
        }
        String type = TYPES.get(extension(path));
        if (type == null) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(path, p -> load(p, type));
    }

    private Optional<Asset> load(String path, String type) {
        URL url = resolver.apply(path);
        if (url == null) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            byte[] bytes = in.readAllBytes();
            byte[] gzip = compressible(type) && bytes.length > 512 ? gzip(bytes) : null;
            return Optional.of(new Asset(bytes, gzip, type, etag(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean compressible(String type) {
        return type.startsWith("text/") || type.startsWith("application/json") || type.startsWith("image/svg");
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String etag(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
