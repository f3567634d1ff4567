package org.loumen.core.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class ReferenceCacheTest {

    private final AtomicReference<Object> stamp = new AtomicReference<>("s1");
    private final AtomicInteger stampReads = new AtomicInteger();
    /** On a database other nodes share. */
    private final ReferenceCache cache = new ReferenceCache(() -> {
        stampReads.incrementAndGet();
        return stamp.get();
    }, () -> true);
    private final AtomicInteger loads = new AtomicInteger();

    private String read(String value) {
        return cache.get("streets", () -> {
            loads.incrementAndGet();
            return value;
        });
    }

    @Test
    void servesFromMemoryAndOnASharedDatabaseReadsOnlyTheStampEachTime() {
        assertEquals("a", read("a"));
        assertEquals("a", read("b"));
        assertEquals("a", read("c"));
        assertEquals(1, loads.get());
        assertEquals(3, stampReads.get());
    }

    @Test
    void onAnEmbeddedDatabaseTheStampIsReadOnce() {
        ReferenceCache embedded = new ReferenceCache(() -> {
            stampReads.incrementAndGet();
            return stamp.get();
        }, () -> false);
        for (int i = 0; i < 5; i++) {
            assertEquals("a", embedded.get("streets", () -> "a"));
        }
        assertEquals(1, stampReads.get());
        ReferenceCache.changed();
        assertEquals("b", embedded.get("streets", () -> "b"), "a write here is served at once");
    }

    @Test
    void aWriteOnThisNodeIsServedAtOnce() {
        assertEquals("old", read("old"));
        ReferenceCache.changed();
        assertEquals("new", read("new"));
        assertEquals(2, loads.get());
    }

    @Test
    void aWriteOnAnotherNodeIsServedByTheNextRead() {
        assertEquals("old", read("old"));
        stamp.set("s2"); // another node added a community
        assertEquals("new", read("new"));
    }

    @Test
    void aLoadThatOverlappedAWriteIsNotKept() {
        assertEquals("old", cache.get("streets", () -> {
            ReferenceCache.changed(); // a write committed while this read was loading
            return "old";
        }));
        assertEquals("new", read("new"));
    }

    @Test
    void aValueTheCallerCannotUseIsNeitherServedNorKept() {
        ReferenceCache c = new ReferenceCache(() -> "s", () -> false);
        assertEquals("", c.get("directory x", () -> "", v -> !v.isEmpty()), "an empty directory is not kept");
        assertEquals("a", c.get("directory x", () -> "a", v -> !v.isEmpty()));
        assertEquals("a", c.get("directory x", () -> "b", v -> !v.isEmpty()), "kept once usable");
        assertEquals("c", c.get("directory x", () -> "c", v -> !v.equals("a")), "no longer usable (another day)");
    }

    @Test
    void atMostMaxEntriesAreKept() {
        ReferenceCache c = new ReferenceCache(() -> "s", () -> false, 2);
        c.get("k1", () -> "1");
        c.get("k2", () -> "2");
        assertEquals("2", c.get("k2", () -> "x"));
        c.get("k3", () -> "3"); // over the bound: the others are dropped
        assertEquals("1b", c.get("k1", () -> "1b"));
        assertEquals("3", c.get("k3", () -> "y"), "the newest entries stay while within the bound");
    }

    @Test
    void whetherTheStoreIsSharedIsAskedAtTheFirstReadsNotAtConstructionAndOnce() {
        AtomicInteger asked = new AtomicInteger();
        // asked at construction, the database's unit would be deployed on the start level's thread
        ReferenceCache lazy = new ReferenceCache(stamp::get, () -> asked.incrementAndGet() < 0);
        assertEquals(0, asked.get());
        for (int i = 0; i < 3; i++) {
            assertEquals("a", lazy.get("streets", () -> "a"));
        }
        assertEquals(1, asked.get());
    }
}
