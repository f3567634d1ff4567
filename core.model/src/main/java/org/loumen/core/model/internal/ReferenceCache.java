package org.loumen.core.model.internal;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Reference data (基础数据: streets and communities) kept in memory for the reads that every page and every resident
 * makes, with no stale read after a write:
 * <ul>
 * <li>a write made on this node ({@link #changed()}, called after its transaction committed) empties the cache before
 * its answer leaves, so the next read loads afresh;</li>
 * <li>a write made by another node sharing the database is seen through a stamp of the tables (rows and the sum of
 * their versions, as the programme enablement is polled) read at most once a {@link #CHECK_MILLIS} by a request:
 * another node's change is served within that time.</li>
 * </ul>
 * Every entry carries the generation it was loaded in and is served only while that generation is current, so a load
 * that overlapped a write is never served after it.
 */
final class ReferenceCache {

    /** How often a request reads the tables' stamp for changes made by another node. */
    static final long CHECK_MILLIS = 1_000;

    /** One generation for the bundle: every write of streets or communities in it moves it on. */
    private static final AtomicLong GENERATION = new AtomicLong();

    /** Marks every cached entry stale; called after a write of streets or communities has committed. */
    static void changed() {
        GENERATION.incrementAndGet();
    }

    private record Entry(long generation, Object value) {
    }

    private final Supplier<Object> stamp;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private Object seenStamp;
    private volatile long checkedAt;
    private volatile boolean checked;

    /**
     * @param stamp reads the tables' stamp from the database (any value with equals)
     * @param clock milliseconds
     */
    ReferenceCache(Supplier<Object> stamp, LongSupplier clock) {
        this.stamp = stamp;
        this.clock = clock;
    }

    /** The cached value of the key, or what the loader reads now (kept unless a write happened meanwhile). */
    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> loader) {
        checkStamp();
        long generation = GENERATION.get();
        Entry e = entries.get(key);
        if (e != null && e.generation() == generation) {
            return (T) e.value();
        }
        T value = loader.get();
        if (GENERATION.get() == generation) {
            entries.put(key, new Entry(generation, value));
        }
        return value;
    }

    private void checkStamp() {
        long now = clock.getAsLong();
        if (checked && now - checkedAt < CHECK_MILLIS) {
            return;
        }
        synchronized (this) {
            if (checked && now - checkedAt < CHECK_MILLIS) {
                return;
            }
            Object current = stamp.get();
            if (!Objects.equals(current, seenStamp)) {
                seenStamp = current;
                changed();
            }
            checkedAt = now;
            checked = true;
        }
    }
}
