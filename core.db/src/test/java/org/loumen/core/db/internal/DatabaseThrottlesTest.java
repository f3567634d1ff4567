package org.loumen.core.db.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.derby.jdbc.EmbeddedDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.loumen.throttle.Throttles;
import org.loumen.throttle.Throttles.Limit;

/** The database throttles on a real (in-memory) Derby: counting, windows, and parallel callers on two "nodes". */
class DatabaseThrottlesTest {

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        final AtomicLong millis = new AtomicLong(Instant.parse("2026-11-30T02:00:00Z").toEpochMilli());

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        void advance(Duration d) {
            millis.addAndGet(d.toMillis());
        }
    }

    private final TestClock clock = new TestClock();
    private final String url = "jdbc:derby:memory:throttle-" + UUID.randomUUID().toString().substring(0, 8);
    private final DriverSource source = new DriverSource(new EmbeddedDriver(), url + ";create=true",
            new Properties());
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void drop() {
        pool.shutdownNow();
        try {
            new EmbeddedDriver().connect(url + ";drop=true", new Properties());
        } catch (SQLException expected) {
            // Derby answers a drop with an exception
        }
    }

    /** A node of a started platform. */
    private DatabaseThrottles node() throws SQLException {
        DatabaseThrottles t = starting();
        t.started(null);
        return t;
    }

    /** A node whose platform is still starting (PlatformStarted not yet registered). */
    private DatabaseThrottles starting() {
        return new DatabaseThrottles(source, clock, false);
    }

    @Test
    void freeFailuresCostNothingThenTheWaitDoublesUpToTheCap() throws SQLException {
        Throttles.Backoff b = node().backoff("signin", 3, Duration.ofSeconds(60));
        for (int i = 0; i < 3; i++) {
            assertEquals(0, b.waitMillis("10.0.0.1"));
            b.failed("10.0.0.1");
        }
        assertEquals(0, b.waitMillis("10.0.0.1"), "three free failures");
        b.failed("10.0.0.1");
        assertEquals(1000, b.waitMillis("10.0.0.1"));
        clock.advance(Duration.ofSeconds(1));
        b.failed("10.0.0.1");
        assertEquals(2000, b.waitMillis("10.0.0.1"));
        assertEquals(0, b.waitMillis("10.0.0.2"), "other clients are not affected");
        for (int i = 0; i < 30; i++) {
            b.failed("10.0.0.1");
        }
        assertEquals(60_000, b.waitMillis("10.0.0.1"));
        clock.advance(Throttles.BACKOFF_WINDOW.plusMillis(1));
        assertEquals(0, b.waitMillis("10.0.0.1"), "forgotten after the window");
        b.failed("10.0.0.1");
        assertEquals(0, b.waitMillis("10.0.0.1"), "the count starts again");
    }

    @Test
    void twoNodesCountOneClientsFailuresTogether() throws Exception {
        Throttles.Backoff a = node().backoff("ballot-code", 10, Duration.ofSeconds(60));
        Throttles.Backoff b = node().backoff("ballot-code", 10, Duration.ofSeconds(60));
        List<Callable<Void>> fails = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Throttles.Backoff on = i % 2 == 0 ? a : b;
            fails.add(() -> {
                on.failed("10.0.0.9");
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(fails)) {
            f.get();
        }
        // 40 failures, 10 free: every one was counted, so the wait is at its cap (30 over: capped at 60 s)
        assertEquals(60_000, a.waitMillis("10.0.0.9"));
        assertEquals(60_000, b.waitMillis("10.0.0.9"));
        Throttles.Backoff other = node().backoff("signin", 10, Duration.ofSeconds(60));
        assertEquals(0, other.waitMillis("10.0.0.9"), "another backoff's name is another count");
        other.failed("10.0.0.9");
        b.forgetAll();
        assertEquals(0, a.waitMillis("10.0.0.9"), "forgotten on every node");
        assertEquals(1, count("b:signin:10.0.0.9"), "another name's counts are kept");
    }

    @Test
    void parallelRequestsOnTwoNodesNeverPassALimit() throws Exception {
        DatabaseThrottles a = node();
        DatabaseThrottles b = node();
        Limit perClient = new Limit("reports:client:10.0.0.5", 5, Duration.ofHours(1));
        List<Callable<Long>> tries = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            DatabaseThrottles on = i % 2 == 0 ? a : b;
            tries.add(() -> on.acquire(perClient));
        }
        int taken = 0;
        for (Future<Long> f : pool.invokeAll(tries)) {
            if (f.get() == 0) {
                taken++;
            } else {
                assertTrue(f.get() > 0 && f.get() <= 3_600_000L, "wait " + f.get());
            }
        }
        assertEquals(5, taken, "exactly the limit, across both nodes");
        clock.advance(Duration.ofMinutes(61));
        assertEquals(0, b.acquire(perClient), "a new window");
    }

    @Test
    void parallelFirstRequestsOnANewKeyAreAllTakenUnderTheLimit() throws Exception {
        for (int round = 0; round < 5; round++) {
            DatabaseThrottles a = node();
            DatabaseThrottles b = node();
            Limit roomy = new Limit("writes:fresh-" + round, 100, Duration.ofHours(1));
            List<Callable<Long>> tries = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                DatabaseThrottles on = i % 2 == 0 ? a : b;
                tries.add(() -> on.acquire(roomy));
            }
            for (Future<Long> f : pool.invokeAll(tries)) {
                assertEquals(0, f.get(), "a race to create the row refuses nobody");
            }
        }
    }

    @Test
    void aSlotIsTakenUnderEveryLimitOrNoneAndCanBeGivenBack() throws SQLException {
        DatabaseThrottles t = node();
        Limit unit = new Limit("reports:unit:U1", 2, Duration.ofHours(24));
        Limit c1 = new Limit("reports:client:1", 5, Duration.ofHours(1));
        Limit c2 = new Limit("reports:client:2", 5, Duration.ofHours(1));
        assertEquals(0, t.acquire(c1, unit));
        assertEquals(0, t.acquire(c1, unit));
        assertTrue(t.acquire(c1, unit) > 0, "the unit is full");
        assertTrue(t.acquire(c2, unit) > 0, "for every client");
        // the refused attempts took nothing from the clients: c1 has 3 left, c2 has 5
        for (int i = 0; i < 3; i++) {
            assertEquals(0, t.acquire(c1));
        }
        assertTrue(t.acquire(c1) > 0);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, t.acquire(c2));
        }
        t.release(unit);
        assertEquals(0, t.acquire(new Limit("reports:unit:U1", 2, Duration.ofHours(24))), "a slot given back");
    }

    @Test
    void expiredRowsAreSwept() throws SQLException {
        DatabaseThrottles t = node();
        t.acquire(new Limit("x", 1, Duration.ofMinutes(1)));
        t.backoff("signin", 3, Duration.ofSeconds(60)).failed("10.0.0.1");
        assertEquals(0, t.sweep());
        clock.advance(Duration.ofMinutes(30));
        assertEquals(2, t.sweep());
    }

    private int count(String key) throws SQLException {
        try (java.sql.Connection c = source.getConnection(); java.sql.PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM LMN_THROTTLE WHERE K = ?")) {
            s.setString(1, key);
            try (java.sql.ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    @Test
    void nothingIsDoneBeforeTheFirstUseAndForgettingAskedAtStartIsDoneBeforeIt() throws SQLException {
        DatabaseThrottles running = node();
        Throttles.Backoff before = running.backoff("signin", 3, Duration.ofSeconds(60));
        for (int i = 0; i < 5; i++) {
            before.failed("10.0.0.1");
        }
        assertTrue(before.waitMillis("10.0.0.1") > 0);
        String key = DatabaseThrottles.key("b:signin:", "10.0.0.1");

        // a node starting: its settings applied ask to forget, which waits for the backoff's first use
        DatabaseThrottles starting = starting();
        Throttles.Backoff fresh = starting.backoff("signin", 3, Duration.ofSeconds(60));
        fresh.forgetAll();
        assertEquals(1, count(key), "forgotten while the platform was still starting");
        assertEquals(0, fresh.waitMillis("10.0.0.1"), "the first use finds the counts forgotten");
        assertEquals(0, count(key));
    }

    @Test
    void theTableIsMadeAtTheFirstUseNotAtActivation() throws SQLException {
        DatabaseThrottles t = starting();
        try (java.sql.Connection c = source.getConnection()) {
            assertFalse(Tables.exists(c, DatabaseThrottles.TABLE));
        }
        assertEquals(0, t.acquire(new Limit("x", 1, Duration.ofMinutes(1))));
        try (java.sql.Connection c = source.getConnection()) {
            assertTrue(Tables.exists(c, DatabaseThrottles.TABLE));
        }
    }

    @Test
    void afterStartForgettingIsDoneAtOnce() throws SQLException {
        DatabaseThrottles t = node();
        Throttles.Backoff b = t.backoff("signin", 1, Duration.ofSeconds(60));
        b.failed("10.0.0.1");
        b.failed("10.0.0.1");
        b.forgetAll();
        assertEquals(0, count(DatabaseThrottles.key("b:signin:", "10.0.0.1")));
    }

    @Test
    void longKeysAreDigested() {
        String k = DatabaseThrottles.key("l:", "x".repeat(500));
        assertTrue(k.length() <= 200 && k.startsWith("l:#"), k);
    }
}
