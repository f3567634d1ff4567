package org.loumen.core.model.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the tab-separated data files shipped in this bundle (reference and demo data); '#' starts a comment line. */
final class Tsv {

    private Tsv() {
    }

    /**
     * @throws IllegalStateException if the resource is missing or a line does not have {@code columns} cells: shipped
     *                               data is part of the build, so this is a packaging error
     */
    static List<String[]> read(String resource, int columns) {
        List<String[]> rows = new ArrayList<>();
        InputStream in = Tsv.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing from the bundle: " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != columns) {
                    throw new IllegalStateException("expected " + columns + " cells in " + resource + ": " + line);
                }
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
