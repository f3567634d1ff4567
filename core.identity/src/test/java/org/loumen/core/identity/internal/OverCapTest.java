package org.loumen.core.identity.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.loumen.core.identity.internal.AuditSearch.Filter;

class OverCapTest {

    private static final long DAY = 86_400_000L;
    private static final long NOW = Instant.parse("2026-12-01T04:00:00Z").toEpochMilli();

    private static Filter month() {
        return new Filter(null, null, null, null, Instant.parse("2026-10-31T16:00:00Z"),
                Instant.parse("2026-12-01T16:00:00Z"));
    }

    @Test
    void aFilterIsOverTheCapOnlyOnceFoundSo() {
        OverCap over = new OverCap(180);
        assertFalse(over.holds(month(), NOW));
        over.found(month(), NOW - DAY);
        // an equal filter (a new request's) is the same search
        assertTrue(over.holds(month(), NOW));
        assertFalse(over.holds(new Filter("admin", null, null, null, month().from(), month().to()), NOW));
    }

    @Test
    void trustedOnlyWhileThePurgeCannotHaveReachedTheEntriesCounted() {
        OverCap over = new OverCap(180);
        over.found(month(), NOW - 100 * DAY);
        assertTrue(over.holds(month(), NOW));
        // the oldest entry counted is trusted until a day before a purge (180 days at least) could take it
        assertTrue(over.holds(month(), NOW + 78 * DAY));
        assertFalse(over.holds(month(), NOW + 80 * DAY));
    }

    @Test
    void keepsAtMostItsLimitOfFilters() {
        OverCap over = new OverCap(180);
        for (int i = 0; i <= OverCap.MAX; i++) {
            over.found(new Filter("actor-" + i, null, null, null, null, null), NOW);
        }
        // the memory started again when full: the last one is there, the first is counted again when asked
        assertTrue(over.holds(new Filter("actor-" + OverCap.MAX, null, null, null, null, null), NOW));
        assertFalse(over.holds(new Filter("actor-0", null, null, null, null, null), NOW));
    }
}
