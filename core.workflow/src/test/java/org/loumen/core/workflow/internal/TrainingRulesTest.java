package org.loumen.core.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.loumen.core.workflow.internal.TrainingRules.Result;
import org.loumen.core.workflow.internal.TrainingRules.Standing;

class TrainingRulesTest {

    private static List<Result> of(Result... rs) {
        return Arrays.asList(rs);
    }

    @Test
    void onlyALatestPassCertifies() {
        assertFalse(TrainingRules.mayCertify(List.of()), "never trained");
        assertFalse(TrainingRules.mayCertify(of((Result) null)), "not yet assessed");
        assertFalse(TrainingRules.mayCertify(of(Result.FAILED)));
        assertFalse(TrainingRules.mayCertify(of(Result.ABSENT)));
        assertTrue(TrainingRules.mayCertify(of(Result.PASSED)));
        assertTrue(TrainingRules.mayCertify(of(Result.FAILED, Result.PASSED)), "passed at the second batch");
        assertFalse(TrainingRules.mayCertify(of(Result.FAILED, null)), "enrolled again, not yet assessed");
    }

    @Test
    void aFailOrAbsenceMayJoinALaterBatchAndOnlyOneIsOpen() {
        assertEquals(Standing.NONE, TrainingRules.standing(List.of()));
        assertTrue(TrainingRules.mayEnrol(List.of()));
        assertFalse(TrainingRules.mayEnrol(of((Result) null)), "one open enrolment at a time");
        assertTrue(TrainingRules.mayEnrol(of(Result.FAILED)));
        assertTrue(TrainingRules.mayEnrol(of(Result.PASSED, Result.ABSENT)));
        assertFalse(TrainingRules.mayEnrol(of(Result.PASSED)), "passed: certify, not train again");
        assertEquals(Standing.RETAKE, TrainingRules.standing(of(Result.ABSENT)));
    }

    @Test
    void attendanceDaysLieWithinTheBatch() {
        LocalDate from = LocalDate.of(2026, 11, 2);
        LocalDate to = LocalDate.of(2026, 11, 4);
        assertTrue(TrainingRules.withinBatch(from, from, to));
        assertTrue(TrainingRules.withinBatch(to, from, to));
        assertFalse(TrainingRules.withinBatch(to.plusDays(1), from, to));
        assertFalse(TrainingRules.withinBatch(null, from, to));
    }

    @Test
    void workIdsFollowThePatternAndSkipTakenOnes() {
        TrainingRules.Shape s = TrainingRules.shape(TrainingRules.DEFAULT_PATTERN, "120112103", 2026);
        assertEquals("120112103-2026-0001", TrainingRules.nextWorkId(s, List.of()));
        assertEquals("120112103-2026-0013", TrainingRules.nextWorkId(s, List.of("120112103-2026-0012", "SG-7",
                "120112103-2025-0099")));
        TrainingRules.Shape custom = TrainingRules.shape("SG{street6}-{seq:3}Z", "120112103", 2026);
        assertEquals("SG112103-001Z", TrainingRules.nextWorkId(custom, List.of("SG112103-xyZ")));
        assertEquals("SG112103-010Z", TrainingRules.nextWorkId(custom, List.of("SG112103-009Z")));
        assertTrue(TrainingRules.WORK_ID.matcher(TrainingRules.nextWorkId(s, List.of())).matches());
    }

    @Test
    void aPatternMustHoldASequenceAndOnlyWorkIdCharacters() {
        assertNull(TrainingRules.patternProblem(TrainingRules.DEFAULT_PATTERN));
        assertNull(TrainingRules.patternProblem("JN-{year}{seq:5}"));
        assertNotNull(TrainingRules.patternProblem("JN-{year}"));
        assertNotNull(TrainingRules.patternProblem("JN {seq}"));
        assertNotNull(TrainingRules.patternProblem("{name}-{seq}"));
        assertNotNull(TrainingRules.patternProblem(null));
    }

    @Test
    void aWithdrawalReturnsOnlyALeaderItsEnrolmentMovedAndWhoIsStillInTraining() {
        assertTrue(TrainingRules.returnsToApproved("APPROVED", org.loumen.core.model.LeaderStatus.IN_TRAINING, false));
        assertFalse(TrainingRules.returnsToApproved(null, org.loumen.core.model.LeaderStatus.IN_TRAINING, false),
                "a retake's enrolment moved nobody: the leader stays in training, free to re-enrol");
        assertFalse(TrainingRules.returnsToApproved("APPROVED", org.loumen.core.model.LeaderStatus.APPROVED, false),
                "never moved (a crash before the move): nothing to undo");
        assertFalse(TrainingRules.returnsToApproved("APPROVED", org.loumen.core.model.LeaderStatus.CERTIFIED, false));
        assertFalse(TrainingRules.returnsToApproved("APPROVED", org.loumen.core.model.LeaderStatus.IN_TRAINING, true),
                "another open enrolment keeps them in training");
        assertTrue(Lifecycle.withdrawal(org.loumen.core.model.LeaderStatus.IN_TRAINING,
                org.loumen.core.model.LeaderStatus.APPROVED));
        assertFalse(Lifecycle.withdrawal(org.loumen.core.model.LeaderStatus.CERTIFIED,
                org.loumen.core.model.LeaderStatus.APPROVED));
        assertFalse(Lifecycle.legal(org.loumen.core.model.LeaderStatus.IN_TRAINING,
                org.loumen.core.model.LeaderStatus.APPROVED), "no route makes the move back directly");
    }

    @Test
    void aBatchIsOpenUntilAResultIsRecordedOrItIsCancelled() {
        assertEquals("OPEN", TrainingRules.batchState(false, 0));
        assertEquals("ASSESSING", TrainingRules.batchState(false, 1));
        assertEquals("CANCELLED", TrainingRules.batchState(true, 3));
    }
}
