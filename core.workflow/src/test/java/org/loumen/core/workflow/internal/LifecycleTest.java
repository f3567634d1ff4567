package org.loumen.core.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.loumen.core.model.LeaderStatus;

class LifecycleTest {

    @Test
    void everyLegalMove() {
        assertEquals(EnumSet.of(LeaderStatus.APPROVED, LeaderStatus.REJECTED), Lifecycle.allowed(LeaderStatus.NOMINATED));
        assertEquals(EnumSet.of(LeaderStatus.IN_TRAINING), Lifecycle.allowed(LeaderStatus.APPROVED));
        assertEquals(EnumSet.of(LeaderStatus.CERTIFIED), Lifecycle.allowed(LeaderStatus.IN_TRAINING));
        assertEquals(EnumSet.of(LeaderStatus.IN_SERVICE), Lifecycle.allowed(LeaderStatus.CERTIFIED));
        assertEquals(EnumSet.of(LeaderStatus.SUSPENDED, LeaderStatus.RESIGNED, LeaderStatus.NOT_REAPPOINTED,
                LeaderStatus.RETIRED), Lifecycle.allowed(LeaderStatus.IN_SERVICE));
        assertEquals(EnumSet.of(LeaderStatus.IN_SERVICE, LeaderStatus.RESIGNED, LeaderStatus.NOT_REAPPOINTED,
                LeaderStatus.RETIRED), Lifecycle.allowed(LeaderStatus.SUSPENDED));
    }

    @Test
    void everyOtherMoveIsIllegalAndFinalStatusesAreFinal() {
        int legal = 0;
        for (LeaderStatus from : LeaderStatus.values()) {
            for (LeaderStatus to : LeaderStatus.values()) {
                legal += Lifecycle.legal(from, to) ? 1 : 0;
            }
        }
        assertEquals(2 + 1 + 1 + 1 + 4 + 4, legal, "exactly the moves listed above");
        for (LeaderStatus end : Set.of(LeaderStatus.REJECTED, LeaderStatus.RESIGNED, LeaderStatus.NOT_REAPPOINTED,
                LeaderStatus.RETIRED)) {
            assertTrue(Lifecycle.allowed(end).isEmpty(), end + " is final");
        }
        assertFalse(Lifecycle.legal(LeaderStatus.NOMINATED, LeaderStatus.IN_SERVICE), "no service without training");
        assertFalse(Lifecycle.legal(LeaderStatus.APPROVED, LeaderStatus.IN_SERVICE), "only the certified serve");
    }

    @Test
    void theActionsAreTheLegalMovesByTheirRoutes() {
        assertEquals(List.of("decision"), Lifecycle.actions(LeaderStatus.NOMINATED));
        assertEquals(List.of("training"), Lifecycle.actions(LeaderStatus.APPROVED));
        assertEquals(List.of("certification"), Lifecycle.actions(LeaderStatus.IN_TRAINING));
        assertEquals(List.of("activation"), Lifecycle.actions(LeaderStatus.CERTIFIED));
        assertEquals(List.of("suspend", "resign", "retire"), Lifecycle.actions(LeaderStatus.IN_SERVICE));
        assertEquals(List.of("reinstate", "resign", "retire"), Lifecycle.actions(LeaderStatus.SUSPENDED));
        for (LeaderStatus end : Set.of(LeaderStatus.REJECTED, LeaderStatus.RESIGNED, LeaderStatus.NOT_REAPPOINTED,
                LeaderStatus.RETIRED)) {
            assertEquals(List.of(), Lifecycle.actions(end), end + " is final");
        }
    }

    @Test
    void approvalNeedsAMajorityOfThosePresent() {
        assertTrue(Lifecycle.approves(17, 9));
        assertFalse(Lifecycle.approves(17, 8));
        assertFalse(Lifecycle.approves(16, 8), "half is not a majority");
        assertTrue(Lifecycle.approves(16, 9));
        assertTrue(Lifecycle.approves(1, 1));
    }
}
