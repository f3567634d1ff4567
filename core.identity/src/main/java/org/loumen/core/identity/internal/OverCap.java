package org.loumen.core.identity.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.loumen.core.identity.internal.AuditSearch.Filter;

/**
 * Audit searches known to match more than {@link AuditSearch#COUNT_CAP} entries ("超过 1,000 条").
 *
 * <p>The log only grows: entries are appended and never changed, and the one thing that deletes any is the purge of
 * entries older than the retention period, never under {@link JpaAuditTrail#MIN_RETENTION_DAYS} days. So a filter that
 * once matched more than the cap still does, on every node, for as long as the oldest entry counted then is younger
 * than that period: it is remembered with that entry's time and trusted until the purge could reach it (less a day, for
 * another node's clock). Nothing else a write does can make "more than 1,000" untrue, so it is never stale.
 */
final class OverCap {

    /** Filters remembered at most; past this the memory starts again (each is then counted once more). */
    static final int MAX = 256;
    private static final long DAY = 86_400_000L;

    private final long horizon;
    private final Map<Filter, Long> oldestCounted = new ConcurrentHashMap<>();

    OverCap(int retentionDays) {
        this.horizon = (retentionDays - 1L) * DAY;
    }

    /** Whether the filter is known to match more than the cap at {@code now} (epoch ms). */
    boolean holds(Filter f, long now) {
        Long oldest = oldestCounted.get(f);
        return oldest != null && oldest > now - horizon;
    }

    /** The filter matched more than the cap; {@code oldest}: the time of the oldest entry among those counted. */
    void found(Filter f, long oldest) {
        if (oldestCounted.size() >= MAX) {
            oldestCounted.clear();
        }
        oldestCounted.put(f, oldest);
    }
}
