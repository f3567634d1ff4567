package org.loumen.core.model.internal;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reference data (基础数据: streets and communities) and the public leader directory kept in memory for the reads that every page and every resident
 * makes, with no stale read after a write:
 * <ul>
 * <li>a write made on this node ({@link #changed()}, called after its transaction committed) empties the cache before
 * its answer leaves, so the next read loads afresh;</li>
 * <li>on a database other nodes may share (PostgreSQL), every read first reads the stamp ({@link DataVersion}, one row
 * by primary key, moved on by every write of that data in the write's own transaction) instead of the lists, so
 * another node's committed change is seen by the next read here;</li>
 * <li>on embedded Derby no other process can open the database while this one runs, so every write is made here and
 * the first point suffices: the stamp is read once.</li>
 * </ul>
 * Every entry carries the generation it was loaded in and is served only while that generation is current, so a load
 * that overlapped a write is never served after it.
 */
final class ReferenceCache {

    /** One generation for the bundle: every write of the organisation tree or of leaders in it moves it on. */
    private static final AtomicLong GENERATION = new AtomicLong();

    /** Marks every cached entry stale; called after a write of the organisation tree or of leaders has committed. */
    static void changed() {
        GENERATION.incrementAndGet();
    }

    private record Entry(long generation, Object value) {
    }

    private final Supplier<Object> stamp;
    private final BooleanSupplier sharedStore;
    /** Null until the first read: asking the database at construction would deploy its unit on the start's thread. */
    private volatile Boolean shared;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile Object seenStamp;
    private volatile boolean checked;

    /**
     * @param stamp reads the tables' stamp from the database (any value with equals)
     * @param shared whether other nodes may write to the database (the stamp is then read before every read); asked
     *        once, at the first read
     */
    ReferenceCache(Supplier<Object> stamp, BooleanSupplier shared) {
        this(stamp, shared, Integer.MAX_VALUE);
    }

    /**
     * @param maxEntries at most this many entries are kept: when a new one would exceed it, all are dropped (for keys
     *        made from what callers ask, which no list of places bounds)
     */
    ReferenceCache(Supplier<Object> stamp, BooleanSupplier shared, int maxEntries) {
        this.stamp = stamp;
        this.sharedStore = shared;
        this.maxEntries = maxEntries;
    }

    /** The cached value of the key, or what the loader reads now (kept unless a write happened meanwhile). */
    <T> T get(String key, Supplier<T> loader) {
        return get(key, loader, v -> true);
    }

    /**
     * The cached value of the key while {@code usable} accepts it (e.g. it was made today), or what the loader reads
     * now, kept only if {@code usable} accepts it and no write happened meanwhile.
     */
    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> loader, Predicate<T> usable) {
        if (!checked || shared()) {
            checkStamp();
        }
        long generation = GENERATION.get();
        Entry e = entries.get(key);
        if (e != null && e.generation() == generation && usable.test((T) e.value())) {
            return (T) e.value();
        }
        T value = loader.get();
        if (GENERATION.get() == generation && usable.test(value)) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry(generation, value));
        }
        return value;
    }

    private boolean shared() {
        Boolean s = shared;
        if (s == null) {
            s = sharedStore.getAsBoolean();
            shared = s;
        }
        return s;
    }

    /** Moves the generation on when the tables changed since the last read of the stamp (here or on another node). */
    private void checkStamp() {
        Object current = stamp.get();
        if (!Objects.equals(current, seenStamp)) {
            // two readers may both see the change: moving the generation twice only costs one extra load
            seenStamp = current;
            changed();
        }
        checked = true;
    }
}
