package org.loumen.plugin.elder.smartphone.training.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.loumen.web.ApiException;

/** Enrolment, withdrawal, cancellation, the roll and completion: the rules of the training. */
class RulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    static String conflict(Executable e) {
        ApiException x = assertThrows(ApiException.class, e);
        assertEquals(409, x.status(), x.getMessage());
        return x.code();
    }

    @Test
    void enrolmentNeedsARunningCourseAFreePlaceAndNoSecondEnrolment() {
        assertDoesNotThrow(() -> Rules.checkEnrol(false, 19, 20, false));
        assertEquals("course-full", conflict(() -> Rules.checkEnrol(false, 20, 20, false)));
        assertEquals("course-cancelled", conflict(() -> Rules.checkEnrol(true, 0, 20, false)));
        assertEquals("already-enrolled", conflict(() -> Rules.checkEnrol(false, 3, 20, true)));
    }

    @Test
    void sixtyOrOlderCountsByTheYearOfBirth() {
        assertDoesNotThrow(() -> Rules.checkAge(1966, TODAY), "60 this year");
        assertEquals("birthYear", assertThrows(ApiException.class, () -> Rules.checkAge(1967, TODAY)).field());
        assertDoesNotThrow(() -> Rules.checkAge(1906, TODAY), "120 this year");
        assertEquals("birthYear", assertThrows(ApiException.class, () -> Rules.checkAge(1905, TODAY)).field());
    }

    @Test
    void onlyAnEnrolledTraineeWhoHasNotCompletedWithdraws() {
        assertDoesNotThrow(() -> Rules.checkWithdraw(null, null));
        assertEquals("withdrawn", conflict(() -> Rules.checkWithdraw(TODAY, null)));
        assertEquals("completed", conflict(() -> Rules.checkWithdraw(null, TODAY)));
    }

    @Test
    void aCourseIsCancelledOnceAndNotAfterSomeoneCompleted() {
        assertDoesNotThrow(() -> Rules.checkCancel(null, 0));
        assertEquals("course-cancelled", conflict(() -> Rules.checkCancel(TODAY, 0)));
        assertEquals("has-completions", conflict(() -> Rules.checkCancel(null, 1)));
        assertEquals("course-cancelled", conflict(() -> Rules.checkRunning(TODAY)));
    }

    @Test
    void theRollIsTakenOnTheDayOrLaterForEnrolledTraineesOnly() {
        assertDoesNotThrow(() -> Rules.checkRoll(TODAY, TODAY));
        assertDoesNotThrow(() -> Rules.checkRoll(TODAY.minusDays(3), TODAY));
        assertEquals("session-ahead", conflict(() -> Rules.checkRoll(TODAY.plusDays(1), TODAY)));
        assertEquals("withdrawn", conflict(() -> Rules.checkActive(TODAY)));
    }

    @Test
    void skillsTickedAreOnTheChecklistAndACompletedChecklistStays() {
        List<Skill> checklist = List.of(Skill.MOBILE_PAYMENT, Skill.FRAUD_PREVENTION);
        assertDoesNotThrow(() -> Rules.checkTick(checklist, Skill.MOBILE_PAYMENT, true, null));
        assertDoesNotThrow(() -> Rules.checkTick(checklist, Skill.MOBILE_PAYMENT, false, null));
        assertEquals("skill", assertThrows(ApiException.class,
                () -> Rules.checkTick(checklist, Skill.VIDEO_CALL, true, null)).field());
        assertEquals("skill", assertThrows(ApiException.class,
                () -> Rules.checkTick(checklist, null, true, null)).field());
        assertEquals("completed", conflict(() -> Rules.checkTick(checklist, Skill.MOBILE_PAYMENT, false, TODAY)));
    }

    @Test
    void completionIsTheDayTheLastSkillOfTheChecklistWasTicked() {
        List<Skill> checklist = Skill.CHECKLIST;
        Map<Skill, LocalDate> ticks = new EnumMap<>(Skill.class);
        for (int i = 0; i < checklist.size() - 1; i++) {
            ticks.put(checklist.get(i), TODAY.minusDays(10 - i));
            assertEquals(Optional.empty(), Rules.completion(checklist, ticks), "not done with " + ticks.keySet());
        }
        ticks.put(checklist.get(checklist.size() - 1), TODAY.minusDays(20));
        assertEquals(Optional.of(TODAY.minusDays(10 - (checklist.size() - 2))), Rules.completion(checklist, ticks),
                "the latest tick, whatever the order");
        // a course teaching two skills: those two are the checklist; other ticks do not matter
        Map<Skill, LocalDate> two = Map.of(Skill.MOBILE_PAYMENT, TODAY, Skill.FRAUD_PREVENTION, TODAY.minusDays(1));
        assertEquals(Optional.of(TODAY), Rules.completion(List.of(Skill.MOBILE_PAYMENT, Skill.FRAUD_PREVENTION), two));
        assertTrue(Rules.completion(List.of(), Map.of()).isEmpty(), "an empty checklist completes no one");
    }

    @Test
    void ratesArePercentagesWithTwoDecimalsAndNothingCountedIsNoRate() {
        assertEquals(new BigDecimal("66.67"), Rules.percent(2, 3));
        assertEquals(new BigDecimal("100.00"), Rules.percent(5, 5));
        assertEquals(new BigDecimal("0.00"), Rules.percent(0, 7));
        assertNull(Rules.percent(0, 0));
    }
}
