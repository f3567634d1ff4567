package org.loumen.domain;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The input rules every route, service and import shares, kept in one place: text is NFC-normalised and may not hold control
 * characters (newlines only where a field allows them), bidirectional overrides or lone surrogates; dates lie
 * between {@link #EARLIEST} and {@link #LATEST}. JSON bodies (the dispatcher), services and CSV imports (the model) all
 * apply them, so a name refused in a body is refused in a spreadsheet too.
 */
public final class InputRules {

    /** The earliest date any field accepts (birth dates of the oldest residents, history). */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** The latest date any field accepts (plans, periods). */
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private InputRules() {
    }

    /**
     * Why a text is refused, or {@code null} when it is acceptable.
     *
     * @param multiline whether the field allows line breaks and tabs
     */
    public static String textProblem(String value, boolean multiline) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return "含有无效字符（孤立代理项） / contains an invalid character (lone surrogate)";
            }
            if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (Character.isISOControl(c)) {
                return String.format("含有控制字符 U+%04X / contains the control character U+%04X", (int) c, (int) c);
            }
            if (isBidiControl(c)) {
                return String.format("含有文字方向控制字符 U+%04X / contains the bidirectional control U+%04X", (int) c,
                        (int) c);
            }
        }
        return null;
    }

    /** Bidirectional embeddings, overrides, isolates and marks (U+202A-202E, U+2066-2069, U+200E/F, U+061C). */
    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
    }

    /** The text in Unicode normal form C (what is stored and compared). */
    public static String normalise(String value) {
        return value == null || Normalizer.isNormalized(value, Normalizer.Form.NFC) ? value
                : Normalizer.normalize(value, Normalizer.Form.NFC);
    }

    /**
     * The text checked and normalised.
     *
     * @throws Refusal INVALID {@code invalid-field} naming the field
     */
    public static String text(String field, String value, boolean multiline) throws Refusal {
        String problem = textProblem(value, multiline);
        if (problem != null) {
            throw Refusal.invalidField(field, field + " " + problem);
        }
        return normalise(value);
    }

    /** Why a date is refused ({@code null} when within range). */
    public static String dateProblem(LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            return "日期须在 " + EARLIEST + " 至 " + LATEST + " 之间 / a date must lie between " + EARLIEST + " and "
                    + LATEST;
        }
        return null;
    }

    /**
     * A {@code YYYY-MM-DD} date within range.
     *
     * @throws Refusal INVALID {@code invalid-parameter} naming the field
     */
    public static LocalDate date(String field, String value) throws Refusal {
        LocalDate d;
        try {
            d = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new Refusal(Refusal.Kind.INVALID, "invalid-parameter", field + " 须为 YYYY-MM-DD / " + field
                    + " must be YYYY-MM-DD", field);
        }
        String problem = dateProblem(d);
        if (problem != null) {
            throw new Refusal(Refusal.Kind.INVALID, "invalid-parameter", field + ": " + problem, field);
        }
        return d;
    }
}
