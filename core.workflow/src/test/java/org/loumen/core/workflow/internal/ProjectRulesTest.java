package org.loumen.core.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.loumen.core.workflow.internal.ProjectRules.Award;
import org.loumen.core.workflow.internal.ProjectRules.Decision;
import org.loumen.core.workflow.internal.ProjectRules.Level;
import org.loumen.core.workflow.internal.ProjectRules.Queued;
import org.loumen.core.workflow.internal.ProjectRules.Status;

class ProjectRulesTest {

    @Test
    void theCommunityForwardsAndTheStreetApproves() {
        assertEquals(Status.FORWARDED, ProjectRules.after(Level.COMMUNITY, Decision.APPROVE));
        assertEquals(Status.APPROVED, ProjectRules.after(Level.STREET, Decision.APPROVE));
        assertEquals(Status.DECLINED, ProjectRules.after(Level.COMMUNITY, Decision.DECLINE));
        assertEquals(Status.DECLINED, ProjectRules.after(Level.STREET, Decision.DECLINE));
        assertEquals(Status.PROPOSED, Level.COMMUNITY.from);
        assertEquals(Status.FORWARDED, Level.STREET.from);
    }

    @Test
    void anAwardSupportsProjectsOfItsYearAndTheNext() {
        assertTrue(ProjectRules.supports("2025", LocalDate.of(2025, 12, 31)));
        assertTrue(ProjectRules.supports("2025", LocalDate.of(2026, 6, 1)));
        assertFalse(ProjectRules.supports("2025", LocalDate.of(2027, 1, 1)));
        assertFalse(ProjectRules.supports("2025", LocalDate.of(2024, 12, 31)));
        assertFalse(ProjectRules.supports("20x5", LocalDate.of(2025, 1, 1)));
    }

    @Test
    void theLatestAwardOfTheLeaderCounts() {
        List<Award> awards = List.of(new Award(7, "优秀楼门栋长-2025-120112001-001", "2025"),
                new Award(7, "优秀楼门栋长-2026-120112-003", "2026"), new Award(8, "优秀楼门栋长-2026-120112-001", "2026"));
        assertEquals("优秀楼门栋长-2026-120112-003", ProjectRules.priority(7L, LocalDate.of(2026, 3, 1), awards)
                .orElseThrow().certificate());
        assertEquals("优秀楼门栋长-2025-120112001-001", ProjectRules.priority(7L, LocalDate.of(2025, 3, 1), awards)
                .orElseThrow().certificate());
        assertTrue(ProjectRules.priority(9L, LocalDate.of(2026, 3, 1), awards).isEmpty());
        assertTrue(ProjectRules.priority(null, LocalDate.of(2026, 3, 1), awards).isEmpty());
    }

    @Test
    void theQueuePutsOpenThenAwardedThenOldestFirst() {
        LocalDate d = LocalDate.of(2026, 11, 1);
        List<Queued> q = new ArrayList<>(List.of(
                new Queued(1, Status.APPROVED, true, d.minusDays(50)),
                new Queued(2, Status.PROPOSED, false, d.minusDays(20)),
                new Queued(3, Status.FORWARDED, true, d.minusDays(1)),
                new Queued(4, Status.PROPOSED, true, d.minusDays(5)),
                new Queued(5, Status.DECLINED, false, d.minusDays(2)),
                new Queued(6, Status.FORWARDED, false, d.minusDays(30))));
        q.sort(ProjectRules.QUEUE);
        assertEquals(List.of(4L, 3L, 6L, 2L, 5L, 1L), q.stream().map(Queued::id).toList());
    }
}
