package org.loumen.core.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class ReferenceCacheTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final AtomicReference<Object> stamp = new AtomicReference<>("s1");
    private final AtomicInteger stampReads = new AtomicInteger();
    private final ReferenceCache cache = new ReferenceCache(() -> {
        stampReads.incrementAndGet();
        return stamp.get();
    }, now::get);
    private final AtomicInteger loads = new AtomicInteger();

    private String read(String value) {
        return cache.get("streets", () -> {
            loads.incrementAndGet();
            return value;
        });
    }

    @Test
    void servesFromMemoryAndReadsTheStampAtMostOncePerInterval() {
        assertEquals("a", read("a"));
        assertEquals("a", read("b"));
        assertEquals("a", read("c"));
        assertEquals(1, loads.get());
        assertEquals(1, stampReads.get());
        now.addAndGet(ReferenceCache.CHECK_MILLIS);
        assertEquals("a", read("d"), "stamp unchanged: still cached");
        assertEquals(2, stampReads.get());
    }

    @Test
    void aWriteOnThisNodeIsServedAtOnce() {
        assertEquals("old", read("old"));
        ReferenceCache.changed();
        assertEquals("new", read("new"));
        assertEquals(2, loads.get());
    }

    @Test
    void aWriteOnAnotherNodeIsServedOnceTheStampIsReadAgain() {
        assertEquals("old", read("old"));
        stamp.set("s2"); // another node added a community
        assertEquals("old", read("new"), "within the check interval");
        now.addAndGet(ReferenceCache.CHECK_MILLIS);
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
}
