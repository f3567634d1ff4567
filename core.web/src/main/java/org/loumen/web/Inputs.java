package org.loumen.web;

import java.time.LocalDate;

import org.loumen.domain.InputRules;
import org.loumen.domain.Refusal;

/**
 * The input rules every route and import shares, as {@link InputRules} states them (text NFC-normalised without
 * control characters, bidirectional overrides or lone surrogates; dates between {@link #EARLIEST} and
 * {@link #LATEST}), answered as {@link ApiException}s. Since 2.6 the rules live in {@link InputRules}, which domain
 * services use; this class keeps the resources' and programmes' way to call them.
 */
public final class Inputs {

    /** The earliest date any field accepts (birth dates of the oldest residents, history). */
    public static final LocalDate EARLIEST = InputRules.EARLIEST;
    /** The latest date any field accepts (plans, periods). */
    public static final LocalDate LATEST = InputRules.LATEST;

    private Inputs() {
    }

    /**
     * Why a text is refused, or {@code null} when it is acceptable.
     *
     * @param multiline whether the field allows line breaks and tabs
     */
    public static String textProblem(String value, boolean multiline) {
        return InputRules.textProblem(value, multiline);
    }

    /** The text in Unicode normal form C (what is stored and compared). */
    public static String normalise(String value) {
        return InputRules.normalise(value);
    }

    /**
     * The text checked and normalised.
     *
     * @throws ApiException 400 {@code invalid-field} naming the field
     */
    public static String text(String field, String value, boolean multiline) throws ApiException {
        try {
            return InputRules.text(field, value, multiline);
        } catch (Refusal r) {
            throw ApiException.of(r);
        }
    }

    /** Why a date is refused ({@code null} when within range). */
    public static String dateProblem(LocalDate date) {
        return InputRules.dateProblem(date);
    }

    /**
     * A {@code YYYY-MM-DD} date within range.
     *
     * @throws ApiException 400 {@code invalid-parameter} naming the field
     */
    public static LocalDate date(String field, String value) throws ApiException {
        try {
            return InputRules.date(field, value);
        } catch (Refusal r) {
            throw ApiException.of(r);
        }
    }
}
