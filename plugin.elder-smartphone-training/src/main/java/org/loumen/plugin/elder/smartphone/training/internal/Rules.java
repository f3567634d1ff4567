package org.loumen.plugin.elder.smartphone.training.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.loumen.web.ApiException;

/**
 * The rules of the training, in one place: who may enrol, withdraw, be marked present or ticked off; when a course may
 * be cancelled; when a trainee has completed; how rates are counted. No storage here, so each rule is tested alone.
 */
final class Rules {

    /** Trainees are elders: 60 or older in the year they enrol (the core keeps no ages: the programme records the year). */
    static final int MIN_AGE = 60;

    private Rules() {
    }

    /** A birth year of an elder of 60 to 120 this year; else 400 naming {@code birthYear}. */
    static void checkAge(Integer birthYear, LocalDate today) throws ApiException {
        if (birthYear == null || birthYear < today.getYear() - 120 || birthYear > today.getYear() - MIN_AGE) {
            throw ApiException.invalidField("birthYear", "学员须年满 " + MIN_AGE + " 岁：出生年份不晚于 "
                    + (today.getYear() - MIN_AGE) + " 年 / trainees are " + MIN_AGE + " or older: birthYear at most "
                    + (today.getYear() - MIN_AGE));
        }
    }

    /**
     * Enrolment (报名): the course runs (not cancelled), has a free place (withdrawn elders free theirs) and the elder
     * is not enrolled in it already.
     */
    static void checkEnrol(boolean cancelled, long enrolled, int capacity, boolean alreadyEnrolled)
            throws ApiException {
        if (cancelled) {
            throw ApiException.conflict("course-cancelled", "培训班已取消，不能报名 / the course was cancelled");
        }
        if (alreadyEnrolled) {
            throw new ApiException(409, "already-enrolled", "这位老人已在本班 / this elder is enrolled in the course "
                    + "already", "name");
        }
        if (enrolled >= capacity) {
            throw ApiException.conflict("course-full", "培训班已满 / the course is full (" + capacity + ")");
        }
    }

    /** Withdrawal (退学): only an elder still enrolled who has not completed. */
    static void checkWithdraw(LocalDate withdrawnOn, LocalDate completedOn) throws ApiException {
        if (withdrawnOn != null) {
            throw ApiException.conflict("withdrawn", "学员已退学 / the trainee withdrew already");
        }
        if (completedOn != null) {
            throw ApiException.conflict("completed", "学员已结业，不能退学 / the trainee completed the course");
        }
    }

    /** Cancellation (取消培训班): a running course in which no one completed yet (a completion is a fact that stays). */
    static void checkCancel(LocalDate cancelledOn, long completed) throws ApiException {
        if (cancelledOn != null) {
            throw ApiException.conflict("course-cancelled", "培训班已取消 / the course was cancelled already");
        }
        if (completed > 0) {
            throw ApiException.conflict("has-completions", "已有 " + completed + " 名学员结业，不能取消 / " + completed
                    + " trainees completed: the course cannot be cancelled");
        }
    }

    /** Changes to a course's lessons, roll or checklists: only while it runs. */
    static void checkRunning(LocalDate cancelledOn) throws ApiException {
        if (cancelledOn != null) {
            throw ApiException.conflict("course-cancelled", "培训班已取消 / the course was cancelled");
        }
    }

    /** The roll (签到) of a session is taken on its day or later, never ahead. */
    static void checkRoll(LocalDate heldOn, LocalDate today) throws ApiException {
        if (heldOn.isAfter(today)) {
            throw ApiException.conflict("session-ahead", "课次尚未开始，不能签到 / the session has not taken place yet");
        }
    }

    /** A trainee can be marked present or ticked off while enrolled (not withdrawn). */
    static void checkActive(LocalDate withdrawnOn) throws ApiException {
        if (withdrawnOn != null) {
            throw ApiException.conflict("withdrawn", "学员已退学 / the trainee withdrew");
        }
    }

    /** A skill ticked or unticked must be on the course's checklist; a completed checklist is not undone. */
    static void checkTick(List<Skill> checklist, Skill skill, boolean tick, LocalDate completedOn)
            throws ApiException {
        if (skill == null || !checklist.contains(skill)) {
            throw ApiException.invalidField("skill", "须为本班清单中的一项：" + checklist + " / skill must be one of "
                    + "the course's checklist " + checklist);
        }
        if (!tick && completedOn != null) {
            throw ApiException.conflict("completed", "学员已结业，清单不能撤销 / the trainee completed: the checklist "
                    + "stays");
        }
    }

    /**
     * Completion (结业): when every skill of the checklist is ticked, on the day of the last tick; empty while one is
     * missing.
     */
    static Optional<LocalDate> completion(Collection<Skill> checklist, Map<Skill, LocalDate> ticks) {
        if (checklist.isEmpty() || !ticks.keySet().containsAll(checklist)) {
            return Optional.empty();
        }
        return checklist.stream().map(ticks::get).max(LocalDate::compareTo);
    }

    /** A share in percent with two decimals (66.67), or null when there is nothing to count. */
    static BigDecimal percent(long part, long whole) {
        if (whole <= 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 2,
                RoundingMode.HALF_UP);
    }
}
