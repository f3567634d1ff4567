package org.loumen.core.workflow.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.loumen.core.model.LeaderStatus;

/**
 * The rules of onboarding training (入职培训) in one place: an enrolment is assessed once as passed, failed or absent;
 * only a leader whose latest assessed enrolment passed may be certified (合格后发放工作证和袖标); a leader whose latest
 * enrolment failed or was missed may join a later batch; one open (not yet assessed) enrolment at a time. Also the
 * work ID pattern (工作证号) used when certification does not give one.
 */
final class TrainingRules {

    /** The result of an assessment (考核结果). */
    enum Result {
        PASSED("合格", "passed"), FAILED("不合格", "failed"), ABSENT("缺考", "absent");

        final String zh;
        final String en;

        Result(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }
    }

    /** Where a leader stands in onboarding, from the results of their enrolments in order (null: not assessed). */
    enum Standing {
        /** never enrolled */
        NONE,
        /** enrolled, not yet assessed */
        OPEN,
        /** the latest enrolment passed: may be certified */
        PASSED,
        /** the latest enrolment failed or was missed: may join a later batch */
        RETAKE
    }

    static final String DEFAULT_PATTERN = "{street}-{year}-{seq:4}";
    private static final Pattern TOKEN = Pattern.compile("\\{(street|street6|year|seq)(?::(\\d))?}");
    static final Pattern WORK_ID = Pattern.compile("[A-Za-z0-9-]{1,32}");

    private TrainingRules() {
    }

    /** The standing after enrolments whose results, oldest first, are given (null for not yet assessed). */
    static Standing standing(List<Result> results) {
        if (results.isEmpty()) {
            return Standing.NONE;
        }
        Result last = results.get(results.size() - 1);
        if (last == null) {
            return Standing.OPEN;
        }
        return last == Result.PASSED ? Standing.PASSED : Standing.RETAKE;
    }

    /** Certification needs a pass (the one home of this rule: {@link LifecycleService} asks it). */
    static boolean mayCertify(List<Result> results) {
        return standing(results) == Standing.PASSED;
    }

    /** A leader may be enrolled when never enrolled, or when the latest enrolment failed or was missed. */
    static boolean mayEnrol(List<Result> results) {
        Standing s = standing(results);
        return s == Standing.NONE || s == Standing.RETAKE;
    }

    /**
     * Whether ending an enrolment that was never completed or is withdrawn puts the leader back to APPROVED: only when
     * the enrolment itself moved them from APPROVED, they are still in training, and no other enrolment of theirs is
     * open (a retake's enrolment moved nobody, so its withdrawal leaves the leader in training, free to re-enrol).
     */
    static boolean returnsToApproved(String movedFrom, LeaderStatus now, boolean otherOpen) {
        return "APPROVED".equals(movedFrom) && now == LeaderStatus.IN_TRAINING && !otherOpen;
    }

    /** A batch's state: CANCELLED; ASSESSING once a result is recorded (no more edits); else OPEN. */
    static String batchState(boolean cancelled, int assessed) {
        return cancelled ? "CANCELLED" : assessed > 0 ? "ASSESSING" : "OPEN";
    }

    /** Whether the day lies within the batch's days. */
    static boolean withinBatch(LocalDate day, LocalDate startsOn, LocalDate endsOn) {
        return day != null && !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    /** Why the pattern cannot make work IDs, or null when it can: it must hold {seq} and only known tokens. */
    static String patternProblem(String pattern) {
        if (pattern == null || pattern.isBlank() || !pattern.contains("{seq")) {
            return "须含 {seq} / the pattern must hold {seq}";
        }
        String rest = TOKEN.matcher(pattern).replaceAll("");
        if (!rest.matches("[A-Za-z0-9-]*")) {
            return "只能含字母、数字、- 和 {street} {street6} {year} {seq:n} / only letters, digits, - and the tokens "
                    + "{street} {street6} {year} {seq:n}";
        }
        return null;
    }

    /** The prefix and suffix around {seq} of the pattern for a street and year, and the digits of {seq}. */
    record Shape(String prefix, String suffix, int digits) {

        String make(int seq) {
            return prefix + String.format(Locale.ROOT, "%0" + digits + "d", seq) + suffix;
        }

        /** The sequence number of a work ID of this shape, or 0 when it is of another shape. */
        int seqOf(String workId) {
            if (workId == null || !workId.startsWith(prefix) || !workId.endsWith(suffix)
                    || workId.length() <= prefix.length() + suffix.length()) {
                return 0;
            }
            String mid = workId.substring(prefix.length(), workId.length() - suffix.length());
            return mid.matches("\\d{1,9}") ? Integer.parseInt(mid) : 0;
        }
    }

    static Shape shape(String pattern, String street, int year) {
        StringBuilder prefix = new StringBuilder();
        StringBuilder suffix = new StringBuilder();
        int digits = 4;
        boolean seen = false;
        Matcher m = TOKEN.matcher(pattern);
        int at = 0;
        while (m.find()) {
            StringBuilder out = seen ? suffix : prefix;
            out.append(pattern, at, m.start());
            switch (m.group(1)) {
                case "street" -> out.append(street);
                case "street6" -> out.append(street.substring(street.length() - 6));
                case "year" -> out.append(year);
                default -> {
                    seen = true;
                    digits = m.group(2) == null ? 4 : Math.max(1, Integer.parseInt(m.group(2)));
                }
            }
            at = m.end();
        }
        (seen ? suffix : prefix).append(pattern.substring(at));
        return new Shape(prefix.toString(), suffix.toString(), digits);
    }

    /** The next work ID of the shape: one more than the highest sequence number in use, skipping taken ones. */
    static String nextWorkId(Shape shape, Collection<String> taken) {
        int max = 0;
        for (String w : taken) {
            max = Math.max(max, shape.seqOf(w));
        }
        Set<String> used = Set.copyOf(taken);
        for (int seq = max + 1;; seq++) {
            String id = shape.make(seq);
            if (!used.contains(id)) {
                return id;
            }
        }
    }
}
