package org.loumen.core.workflow.internal;

import java.time.LocalDate;

import org.loumen.domain.Refusal;

/** Input checks shared by projects, the reserve, campaigns and consultations: required text of a bounded length. */
final class Civic {

    private Civic() {
    }

    /** The stripped text, 1 to {@code max} characters, else 400 naming the field. */
    static String text(String field, String value, int max) throws Refusal {
        String t = value == null ? "" : value.strip();
        if (t.isEmpty() || t.codePointCount(0, t.length()) > max) {
            throw Refusal.invalidField(field, "请填写 " + field + "（1 至 " + max + " 个字） / " + field
                    + " is required, 1-" + max + " characters");
        }
        return t;
    }

    /** Like {@link #text} but optional: {@code null} when blank. */
    static String optional(String field, String value, int max) throws Refusal {
        return value == null || value.isBlank() ? null : text(field, value, max);
    }

    /** A required day within the sane range. */
    static LocalDate day(String field, LocalDate day) throws Refusal {
        if (day == null || day.getYear() < 1900 || day.getYear() > 2199) {
            throw Refusal.invalidField(field, "请填写日期 YYYY-MM-DD / " + field + " is required (YYYY-MM-DD)");
        }
        return day;
    }

    static LocalDate today() {
        return LocalDate.now(EvaluationService.CHINA);
    }

    static Refusal notFound() {
        return new Refusal(Refusal.Kind.NOT_FOUND, "not-found", "未找到 / not found");
    }
}
