package org.loumen.core.model.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.loumen.core.model.ImportException;
import org.loumen.core.model.ImportException.Problem;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Spreadsheet files in and out: decoding as Excel and WPS save them in China, RFC 4180 parsing (Jackson CSV), header
 * lookup in any column order, and export cells safe from formula injection.
 */
final class Csv {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    private Csv() {
    }

    /**
     * UTF-8 with a BOM; else UTF-8 if the bytes are valid UTF-8; else GB18030 (a superset of GBK and GB2312, what
     * "CSV" from Excel or WPS on a Chinese Windows is).
     */
    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, GB18030);
        }
    }

    /** A parsed file: the header's column positions by lower-case name, and the data rows. */
    record Table(Map<String, Integer> columns, List<String[]> rows) {

        /** The name of the expected column at an index; {@code null} for an extra column (ignored). */
        String columnAt(int index) {
            for (Map.Entry<String, Integer> e : columns.entrySet()) {
                if (e.getValue() == index) {
                    return e.getKey();
                }
            }
            return null;
        }

        /** The cell of a row, stripped; empty when the row is short. */
        String cell(String[] row, String column) {
            Integer i = columns.get(column);
            return i == null || i >= row.length || row[i] == null ? "" : row[i].strip();
        }
    }

    /**
     * Parses the file and checks the header has every required column.
     *
     * @throws ImportException a malformed file or missing columns (row 1)
     */
    static Table parse(byte[] bytes, List<String> required) throws ImportException {
        String text = decode(bytes);
        List<String[]> all = new ArrayList<>();
        try (MappingIterator<String[]> it = MAPPER.readerFor(String[].class).with(CsvSchema.emptySchema())
                .readValues(text)) {
            while (it.hasNextValue()) {
                all.add(it.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            throw new ImportException(List.of(new Problem(all.size() + 1, null, null,
                    "CSV 格式错误（如引号未闭合） / malformed CSV (e.g. an unclosed quote) after row " + all.size())));
        }
        if (all.isEmpty()) {
            throw new ImportException(List.of(new Problem(1, null, null, "文件为空，须有表头行 / the file is empty; "
                    + "a header row is required")));
        }
        Map<String, Integer> columns = new HashMap<>();
        String[] header = all.get(0);
        for (int i = 0; i < header.length; i++) {
            String name = header[i] == null ? "" : header[i].strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty()) {
                columns.putIfAbsent(name, i);
            }
        }
        List<Problem> missing = new ArrayList<>();
        for (String c : required) {
            if (!columns.containsKey(c)) {
                missing.add(new Problem(1, c, null, "表头缺少列 " + c + " / the header lacks the column " + c));
            }
        }
        if (!missing.isEmpty()) {
            throw new ImportException(missing);
        }
        List<String[]> rows = new ArrayList<>();
        for (String[] r : all.subList(1, all.size())) {
            boolean blank = true;
            for (String cell : r) {
                blank &= cell == null || cell.isBlank();
            }
            rows.add(blank ? null : r); // blank lines keep their row number but are skipped
        }
        return new Table(columns, rows);
    }

    /** Writes rows as CSV, UTF-8 with a BOM so that Excel opens it as UTF-8. */
    static byte[] write(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        line(out, header);
        for (List<String> r : rows) {
            line(out, r);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringWriter out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(safe(cells.get(i))));
        }
        out.write("\r\n");
    }

    /**
     * A cell a spreadsheet would run as a formula ({@code = + - @}, or a tab or carriage return first) gets a
     * leading apostrophe (OWASP's advice against CSV injection).
     */
    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }

    private static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
