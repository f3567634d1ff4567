package org.loumen.plugin.volunteer.brands.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV as the core's exports write it: UTF-8 with a BOM (so Excel reads it as UTF-8), CRLF lines, cells quoted when
 * they hold a comma, quote or line break, and a cell a spreadsheet would run as a formula ({@code = + - @}, a tab or
 * carriage return first) prefixed with an apostrophe (OWASP's advice against CSV injection).
 */
final class Csv {

    private Csv() {
    }

    static byte[] write(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, header);
        rows.forEach(r -> line(out, r));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(safe(cells.get(i))));
        }
        out.append("\r\n");
    }

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
