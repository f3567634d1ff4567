package org.loumen.core.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.loumen.core.workflow.internal.ReportFlow.Status;
import org.loumen.core.workflow.internal.ReportFlow.Urgency;

class ReportFlowTest {

    @Test
    void theClosedLoop() {
        assertEquals(EnumSet.of(Status.ACCEPTED, Status.SPAM), ReportFlow.allowed(Status.REPORTED));
        assertEquals(EnumSet.of(Status.ASSIGNED, Status.SPAM), ReportFlow.allowed(Status.ACCEPTED));
        assertEquals(EnumSet.of(Status.RESOLVED, Status.SPAM), ReportFlow.allowed(Status.ASSIGNED));
        assertEquals(EnumSet.of(Status.CONFIRMED, Status.REOPENED), ReportFlow.allowed(Status.RESOLVED));
        assertEquals(EnumSet.of(Status.ASSIGNED, Status.SPAM), ReportFlow.allowed(Status.REOPENED));
        assertTrue(ReportFlow.allowed(Status.CONFIRMED).isEmpty(), "confirmed closes the loop");
        assertTrue(ReportFlow.allowed(Status.SPAM).isEmpty(), "spam is final");
        assertFalse(ReportFlow.legal(Status.RESOLVED, Status.SPAM), "what was resolved was a real problem");
        int legal = 0;
        for (Status from : Status.values()) {
            for (Status to : Status.values()) {
                legal += ReportFlow.legal(from, to) ? 1 : 0;
            }
        }
        assertEquals(10, legal);
        assertFalse(ReportFlow.legal(Status.REPORTED, Status.RESOLVED), "no resolving what nobody accepted");
    }

    @Test
    void deadlinesByUrgencyAndOverdue() {
        long t = 1_764_144_000_000L;
        assertEquals(t + 72 * 3_600_000L, ReportFlow.dueAt(t, Urgency.NORMAL, 72, 24, 4));
        assertEquals(t + 24 * 3_600_000L, ReportFlow.dueAt(t, Urgency.URGENT, 72, 24, 4));
        long major = ReportFlow.dueAt(t, Urgency.MAJOR, 72, 24, 4);
        assertEquals(t + 4 * 3_600_000L, major);
        assertFalse(ReportFlow.overdue(Status.ASSIGNED, major, major), "due at the deadline itself");
        assertTrue(ReportFlow.overdue(Status.ASSIGNED, major, major + 1));
        assertTrue(ReportFlow.overdue(Status.REOPENED, major, major + 1));
        assertFalse(ReportFlow.overdue(Status.RESOLVED, major, major + 1), "resolved in time or not, it is done");
        assertFalse(ReportFlow.overdue(Status.CONFIRMED, major, major + 1));
        assertFalse(ReportFlow.overdue(Status.SPAM, major, major + 1), "spam counts toward nothing");
    }
}
