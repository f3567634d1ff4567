package org.loumen.core.programme.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Optional;

import org.osgi.framework.Bundle;

/**
 * Reads files of a bundle that a hot deploy may be replacing at that very moment (a programme jar dropped over the
 * running one). Felix then fails in two ways: {@link IllegalStateException} once the bundle is uninstalled, and a
 * {@link NullPointerException} from inside {@code getEntry} while an update or refresh closes the old revision's
 * content (seen as a 500 on {@code GET /programmes} in 29 of 6,740 listings during 16 updates). Both mean the same —
 * the bundle changed under us — and are reported as one {@link BundleChanged}, so callers skip the bundle until the
 * next read instead of failing the request.
 */
final class BundleEntries {

    /** The bundle was updated, refreshed or uninstalled while its files were read. */
    static final class BundleChanged extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        BundleChanged(Bundle bundle, RuntimeException cause) {
            super("bundle " + bundle.getBundleId() + " changed while it was read", cause);
        }
    }

    private BundleEntries() {
    }

    /** The entry's URL, or {@code null} when the bundle has no such file. */
    static URL entry(Bundle bundle, String path) {
        try {
            return bundle.getEntry(path);
        } catch (IllegalStateException | NullPointerException e) {
            throw new BundleChanged(bundle, e);
        }
    }

    /** Whether the bundle has the file. */
    static boolean has(Bundle bundle, String path) {
        return entry(bundle, path) != null;
    }

    /** The entry's bytes, or empty when the bundle has no such file. */
    static Optional<byte[]> read(Bundle bundle, String path) throws IOException {
        URL url = entry(bundle, path);
        if (url == null) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            return Optional.of(in.readAllBytes());
        } catch (IllegalStateException | NullPointerException e) {
            throw new BundleChanged(bundle, e);
        }
    }
}
