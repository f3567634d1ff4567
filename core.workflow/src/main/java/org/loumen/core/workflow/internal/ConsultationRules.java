package org.loumen.core.workflow.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.loumen.domain.Refusal;

/**
 * The rules of unit consultations (楼门议事) in one place: a question with 2 to 8 options or a free answer, a period of
 * at most 92 days starting no earlier than today, whether it takes answers, what an answer must hold, the tally.
 */
final class ConsultationRules {

    static final int MAX_DAYS = 92;
    static final int MAX_OPTIONS = 8;

    enum Kind {
        OPTIONS, FREE
    }

    /** What an answer holds: the option's index or the words. */
    record Answer(Integer choice, String text) {
    }

    private ConsultationRules() {
    }

    static Kind kind(String kind) throws Refusal {
        try {
            return Kind.valueOf(kind == null ? "" : kind.strip());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalidField("kind", "须为 OPTIONS（选项）或 FREE（自由回答） / kind must be OPTIONS or "
                    + "FREE");
        }
    }

    /** The options of an OPTIONS consultation: 2 to 8, distinct, each 1-50 characters; none for FREE. */
    static List<String> options(Kind kind, List<String> options) throws Refusal {
        if (kind == Kind.FREE) {
            if (options != null && !options.isEmpty()) {
                throw Refusal.invalidField("options", "自由回答不设选项 / a free-answer consultation has no "
                        + "options");
            }
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; options != null && i < options.size(); i++) {
            out.add(Civic.text("options[" + i + "]", options.get(i), 50));
        }
        if (out.size() < 2 || out.size() > MAX_OPTIONS || new LinkedHashSet<>(out).size() != out.size()) {
            throw Refusal.invalidField("options", "须有 2 至 " + MAX_OPTIONS + " 个互不相同的选项 / 2-" + MAX_OPTIONS
                    + " distinct options are required");
        }
        return out;
    }

    static void period(LocalDate opensOn, LocalDate closesOn, LocalDate today) throws Refusal {
        Civic.day("opensOn", opensOn);
        Civic.day("closesOn", closesOn);
        if (opensOn.isBefore(today)) {
            throw Refusal.invalidField("opensOn", "不能早于今天 / opensOn must not be before today");
        }
        if (closesOn.isBefore(opensOn) || ChronoUnit.DAYS.between(opensOn, closesOn) >= MAX_DAYS) {
            throw Refusal.invalidField("closesOn", "截止日期须在开始之后 " + MAX_DAYS + " 天内 / closesOn must be "
                    + "on or after opensOn, within " + MAX_DAYS + " days");
        }
    }

    /** Whether it takes answers today. */
    static boolean open(LocalDate opensOn, LocalDate closesOn, LocalDate closedOn, LocalDate today) {
        return closedOn == null && !today.isBefore(opensOn) && !today.isAfter(closesOn);
    }

    /** The answer checked against the consultation's kind and options. */
    static Answer answer(Kind kind, int options, Integer choice, String text) throws Refusal {
        if (kind == Kind.OPTIONS) {
            if (choice == null || choice < 0 || choice >= options) {
                throw Refusal.invalidField("choice", "请选择一个选项 / choose one of the options (0-"
                        + (options - 1) + ")");
            }
            if (text != null && !text.isBlank()) {
                throw Refusal.invalidField("text", "选项式议事不收文字 / this consultation takes an option");
            }
            return new Answer(choice, null);
        }
        if (choice != null) {
            throw Refusal.invalidField("choice", "此议事为自由回答 / this consultation takes words, not an option");
        }
        return new Answer(null, Civic.text("text", text, 500));
    }

    /** Counts per option, in the options' order. */
    static long[] tally(int options, List<Integer> choices) {
        long[] counts = new long[options];
        for (Integer c : choices) {
            if (c != null && c >= 0 && c < options) {
                counts[c]++;
            }
        }
        return counts;
    }
}
