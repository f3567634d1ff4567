package org.loumen.core.notify.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.loumen.lease.Leases;

/** A lease held through a long piece of work: renewed before it expires; lost, it says so. */
class HeldLeaseTest {

    /** Leases that grant while {@code grant} is true, counting the calls. */
    private static final class FakeLeases implements Leases {
        final AtomicBoolean grant = new AtomicBoolean(true);
        final AtomicInteger acquired = new AtomicInteger();

        @Override
        public boolean acquire(String name, Duration ttl) {
            acquired.incrementAndGet();
            return grant.get();
        }

        @Override
        public void release(String name) {
        }

        @Override
        public Optional<String> holder(String name) {
            return Optional.empty();
        }

        @Override
        public String self() {
            return "test";
        }
    }

    @Test
    void renewedWhileTheWorkRunsPastItsTimeToLive() throws Exception {
        FakeLeases leases = new FakeLeases();
        try (HeldLease lease = HeldLease.take(leases, "scan", Duration.ofMillis(300))) {
            Thread.sleep(1000); // more than three times the ttl
            assertTrue(lease.held());
            assertTrue(leases.acquired.get() >= 3, "taken, then renewed every ttl/3: " + leases.acquired.get());
        }
        int after = leases.acquired.get();
        Thread.sleep(300);
        assertTrue(leases.acquired.get() <= after + 1, "no renewals once closed");
    }

    @Test
    void aLostLeaseIsNoLongerHeld() throws Exception {
        FakeLeases leases = new FakeLeases();
        try (HeldLease lease = HeldLease.take(leases, "scan", Duration.ofMillis(300))) {
            leases.grant.set(false); // another node took it
            Thread.sleep(400);
            assertFalse(lease.held());
            leases.grant.set(true);
            Thread.sleep(300);
            assertFalse(lease.held(), "once lost, the work stops even if it could be taken again");
        }
    }

    @Test
    void notTakenWhenAnotherNodeHoldsIt() {
        FakeLeases leases = new FakeLeases();
        leases.grant.set(false);
        assertNull(HeldLease.take(leases, "scan", Duration.ofSeconds(60)));
    }

    @Test
    void aPeriodicTaskSurvivesAFailedRunAndMergesKicks() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (PeriodicTask task = new PeriodicTask("test-task", () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("first run fails");
            }
        })) {
            task.every(Duration.ofMillis(50));
            Thread.sleep(400);
            assertTrue(runs.get() >= 3, "runs go on after a failure: " + runs.get());
            task.every(Duration.ofHours(1));
            int before = runs.get();
            task.kick();
            Thread.sleep(200);
            assertTrue(runs.get() > before, "a kick runs it now");
        }
    }
}
