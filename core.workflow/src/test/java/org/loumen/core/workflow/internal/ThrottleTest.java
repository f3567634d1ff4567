package org.loumen.core.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };

    @Test
    void aLimitRefusesUntilItsOldestSlotLeavesTheWindow() {
        Throttle t = new Throttle(clock);
        Throttle.Limit client = new Throttle.Limit("c:1", 2, 60_000);
        assertEquals(0, t.acquire(client));
        now.addAndGet(10_000);
        assertEquals(0, t.acquire(client));
        assertEquals(50_000, t.acquire(client), "the first slot frees 60 s after it was taken");
        now.addAndGet(50_000);
        assertEquals(0, t.acquire(client));
    }

    @Test
    void allLimitsOrNone() {
        Throttle t = new Throttle(clock);
        Throttle.Limit unit = new Throttle.Limit("u:1", 1, 60_000);
        assertEquals(0, t.acquire(new Throttle.Limit("c:a", 5, 60_000), unit));
        assertTrue(t.acquire(new Throttle.Limit("c:b", 5, 60_000), unit) > 0, "the unit is full");
        // client b took nothing: it still has all five
        for (int i = 0; i < 5; i++) {
            assertEquals(0, t.acquire(new Throttle.Limit("c:b", 5, 60_000)));
        }
        t.release(unit);
        assertEquals(0, t.acquire(new Throttle.Limit("c:c", 5, 60_000), unit), "a released slot is free again");
    }

    @Test
    void parallelRequestsNeverPassTheLimit() throws Exception {
        Throttle t = new Throttle(clock);
        AtomicInteger passed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 1000; i++) {
            int n = i;
            pool.submit(() -> {
                if (t.acquire(new Throttle.Limit("c:" + n % 7, 1000, 60_000), new Throttle.Limit("u", 30, 60_000))
                        == 0) {
                    passed.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(30, passed.get());
    }
}
