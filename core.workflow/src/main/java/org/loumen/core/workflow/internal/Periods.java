package org.loumen.core.workflow.internal;

/** How evaluation periods read to people: 2026-H1 is 2026年上半年. */
final class Periods {

    private Periods() {
    }

    /** {@code 2026年上半年} for {@code 2026-H1}; the period itself when it has another form. */
    static String label(String period) {
        if (period == null || !EvaluationService.PERIOD.matcher(period).matches()) {
            return period;
        }
        return period.substring(0, 4) + (period.endsWith("H1") ? "年上半年" : "年下半年");
    }
}
