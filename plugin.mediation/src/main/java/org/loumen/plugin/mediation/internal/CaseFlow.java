package org.loumen.plugin.mediation.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.loumen.web.ApiException;

/**
 * The life of a mediation case (调解案件), in one place: its states, the steps that move it, and the deadline of each
 * state.
 *
 * <pre>
 * ACCEPTED 受理 ──session──▶ IN_MEDIATION 调解中 ──session──▶ IN_MEDIATION
 *    │                          │ ├─agree──▶ AGREED 达成协议 ──follow-up──▶ FOLLOWED_UP 已回访 ──archive──▶ ARCHIVED 已归档
 *    └──────────refer───────────┴─┴─refer──▶ REFERRED 已移交 ──follow-up──▶ FOLLOWED_UP
 * </pre>
 *
 * Deadlines: the first session within {@value #FIRST_SESSION_DAYS} days of acceptance; agreement or referral within
 * {@value #SETTLE_DAYS} days of acceptance (人民调解：一般在一个月内调结); the follow-up visit (回访) within
 * {@value #FOLLOW_UP_DAYS} days of the agreement or referral; archiving within {@value #ARCHIVE_DAYS} days of the
 * follow-up. A case is closed (结案) on the day of its agreement or referral: the "days to close" of the statistics.
 */
final class CaseFlow {

    static final int FIRST_SESSION_DAYS = 7;
    static final int SETTLE_DAYS = 30;
    static final int FOLLOW_UP_DAYS = 15;
    static final int ARCHIVE_DAYS = 15;

    enum State {
        ACCEPTED, IN_MEDIATION, AGREED, REFERRED, FOLLOWED_UP, ARCHIVED;

        /** The state of a stored value, including those of version 1 (OPEN, MEDIATED). */
        static State stored(String value) {
            return switch (value) {
                case "OPEN" -> ACCEPTED;
                case "MEDIATED" -> AGREED;
                default -> valueOf(value);
            };
        }

        /** Whether the dispute is settled or handed on (结案): the steps after it are follow-up and archiving. */
        boolean closed() {
            return this == AGREED || this == REFERRED || this == FOLLOWED_UP || this == ARCHIVED;
        }
    }

    /** The steps, each with the route that takes it. */
    enum Step {
        SESSION, AGREE, REFER, FOLLOW_UP, ARCHIVE
    }

    private CaseFlow() {
    }

    /**
     * The state a step leads to from a state.
     *
     * @throws ApiException 409 {@code illegal-transition} when the step cannot be taken from there
     */
    static State next(State from, Step step) throws ApiException {
        State to = switch (step) {
            case SESSION -> from == State.ACCEPTED || from == State.IN_MEDIATION ? State.IN_MEDIATION : null;
            case AGREE -> from == State.IN_MEDIATION ? State.AGREED : null;
            case REFER -> from == State.ACCEPTED || from == State.IN_MEDIATION ? State.REFERRED : null;
            case FOLLOW_UP -> from == State.AGREED || from == State.REFERRED ? State.FOLLOWED_UP : null;
            case ARCHIVE -> from == State.FOLLOWED_UP ? State.ARCHIVED : null;
        };
        if (to == null) {
            throw new ApiException(409, "illegal-transition", "案件当前为「" + zh(from) + "」，不能" + zh(step)
                    + " / a case " + from + " cannot take the step " + step).with("status", from.name());
        }
        return to;
    }

    /** The steps that may be taken from a state (for clients to offer). */
    static Set<Step> steps(State from) {
        Set<Step> out = EnumSet.noneOf(Step.class);
        for (Step s : Step.values()) {
            try {
                next(from, s);
                out.add(s);
            } catch (ApiException e) {
                // not from here
            }
        }
        return out;
    }

    /**
     * The day by which the case's current state should be left, or {@code null} for an archived case.
     *
     * @param acceptedOn   the day the case was accepted
     * @param closedOn     the day of the agreement or referral ({@code null} before)
     * @param followedUpOn the day of the follow-up visit ({@code null} before)
     */
    static LocalDate due(State state, LocalDate acceptedOn, LocalDate closedOn, LocalDate followedUpOn) {
        return switch (state) {
            case ACCEPTED -> acceptedOn.plusDays(FIRST_SESSION_DAYS);
            case IN_MEDIATION -> acceptedOn.plusDays(SETTLE_DAYS);
            case AGREED, REFERRED -> (closedOn == null ? acceptedOn : closedOn).plusDays(FOLLOW_UP_DAYS);
            case FOLLOWED_UP -> (followedUpOn == null ? acceptedOn : followedUpOn).plusDays(ARCHIVE_DAYS);
            case ARCHIVED -> null;
        };
    }

    /** Overdue: the deadline of the current state has passed (the day itself is still in time). */
    static boolean overdue(LocalDate due, LocalDate today) {
        return due != null && today.isAfter(due);
    }

    /**
     * Checks the day of a step: given, not in the future and not before the step it follows.
     *
     * @throws ApiException 400 naming the field
     */
    static LocalDate day(String field, LocalDate day, LocalDate notBefore, LocalDate today) throws ApiException {
        if (day == null) {
            throw ApiException.invalidField(field, "须填写日期 / " + field + " is required");
        }
        if (day.isAfter(today)) {
            throw ApiException.invalidField(field, "不能晚于今天 / " + field + " must not be in the future");
        }
        if (notBefore != null && day.isBefore(notBefore)) {
            throw ApiException.invalidField(field, "不能早于 " + notBefore + " / " + field + " must not be before "
                    + notBefore);
        }
        return day;
    }

    static String zh(State s) {
        return switch (s) {
            case ACCEPTED -> "已受理";
            case IN_MEDIATION -> "调解中";
            case AGREED -> "达成协议";
            case REFERRED -> "已移交";
            case FOLLOWED_UP -> "已回访";
            case ARCHIVED -> "已归档";
        };
    }

    static String zh(Step s) {
        return switch (s) {
            case SESSION -> "记录调解";
            case AGREE -> "登记调解协议";
            case REFER -> "移交";
            case FOLLOW_UP -> "回访";
            case ARCHIVE -> "归档";
        };
    }
}
