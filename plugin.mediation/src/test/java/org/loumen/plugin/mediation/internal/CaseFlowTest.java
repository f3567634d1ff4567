package org.loumen.plugin.mediation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.loumen.plugin.mediation.internal.CaseFlow.State;
import org.loumen.plugin.mediation.internal.CaseFlow.Step;
import org.loumen.web.ApiException;

class CaseFlowTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Test
    void theWholeWayAgreedThenFollowedUpThenArchived() throws ApiException {
        State s = State.ACCEPTED;
        s = CaseFlow.next(s, Step.SESSION);
        assertEquals(State.IN_MEDIATION, s);
        s = CaseFlow.next(s, Step.SESSION);
        assertEquals(State.IN_MEDIATION, s, "another session keeps it in mediation");
        s = CaseFlow.next(s, Step.AGREE);
        assertEquals(State.AGREED, s);
        s = CaseFlow.next(s, Step.FOLLOW_UP);
        assertEquals(State.FOLLOWED_UP, s);
        assertEquals(State.ARCHIVED, CaseFlow.next(s, Step.ARCHIVE));
    }

    @Test
    void aCaseIsReferredBeforeOrDuringMediationAndFollowedUpToo() throws ApiException {
        assertEquals(State.REFERRED, CaseFlow.next(State.ACCEPTED, Step.REFER));
        assertEquals(State.REFERRED, CaseFlow.next(State.IN_MEDIATION, Step.REFER));
        assertEquals(State.FOLLOWED_UP, CaseFlow.next(State.REFERRED, Step.FOLLOW_UP));
    }

    @Test
    void everyOtherStepIsRefused409() {
        int legal = 0;
        for (State s : State.values()) {
            for (Step step : Step.values()) {
                try {
                    CaseFlow.next(s, step);
                    legal++;
                } catch (ApiException e) {
                    assertEquals(409, e.status());
                    assertEquals("illegal-transition", e.code());
                }
            }
        }
        assertEquals(8, legal, "session ×2, agree, refer ×2, follow-up ×2, archive");
        // no agreement without a session; nothing after archiving; no second agreement
        assertEquals(409, assertThrows(ApiException.class, () -> CaseFlow.next(State.ACCEPTED, Step.AGREE)).status());
        assertEquals(Set.of(), CaseFlow.steps(State.ARCHIVED));
        assertEquals(EnumSet.of(Step.FOLLOW_UP), CaseFlow.steps(State.AGREED));
        assertEquals(EnumSet.of(Step.SESSION, Step.AGREE, Step.REFER), CaseFlow.steps(State.IN_MEDIATION));
        assertEquals(EnumSet.of(Step.SESSION, Step.REFER), CaseFlow.steps(State.ACCEPTED));
    }

    @Test
    void versionOneStatesReadAsTheirNewNames() {
        assertEquals(State.ACCEPTED, State.stored("OPEN"));
        assertEquals(State.AGREED, State.stored("MEDIATED"));
        assertEquals(State.REFERRED, State.stored("REFERRED"));
        assertTrue(State.AGREED.closed());
        assertFalse(State.IN_MEDIATION.closed());
    }

    @Test
    void deadlinesPerState() {
        LocalDate accepted = LocalDate.of(2026, 11, 1);
        assertEquals(LocalDate.of(2026, 11, 8), CaseFlow.due(State.ACCEPTED, accepted, null, null),
                "the first session within 7 days");
        assertEquals(LocalDate.of(2026, 12, 1), CaseFlow.due(State.IN_MEDIATION, accepted, null, null),
                "agreement or referral within 30 days of acceptance");
        assertEquals(LocalDate.of(2026, 11, 25), CaseFlow.due(State.AGREED, accepted, LocalDate.of(2026, 11, 10),
                null), "follow-up within 15 days of the agreement");
        assertEquals(LocalDate.of(2026, 12, 5), CaseFlow.due(State.FOLLOWED_UP, accepted, LocalDate.of(2026, 11, 10),
                LocalDate.of(2026, 11, 20)), "archived within 15 days of the follow-up");
        assertNull(CaseFlow.due(State.ARCHIVED, accepted, null, null));
    }

    @Test
    void overdueTheDayAfterTheDeadline() {
        LocalDate due = TODAY;
        assertFalse(CaseFlow.overdue(due, TODAY), "the day itself is in time");
        assertTrue(CaseFlow.overdue(due, TODAY.plusDays(1)));
        assertFalse(CaseFlow.overdue(null, TODAY), "an archived case is never overdue");
    }

    @Test
    void aStepsDayLiesBetweenThePreviousStepAndToday() throws ApiException {
        assertEquals(TODAY, CaseFlow.day("heldOn", TODAY, TODAY.minusDays(3), TODAY));
        assertEquals("heldOn", assertThrows(ApiException.class, () -> CaseFlow.day("heldOn", TODAY.minusDays(4),
                TODAY.minusDays(3), TODAY)).field());
        assertEquals("reachedOn", assertThrows(ApiException.class, () -> CaseFlow.day("reachedOn",
                TODAY.plusDays(1), null, TODAY)).field());
        assertEquals("visitedOn", assertThrows(ApiException.class, () -> CaseFlow.day("visitedOn", null, null,
                TODAY)).field());
    }
}
