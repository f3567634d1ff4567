package org.loumen.core.notify.internal;

import java.time.Duration;

import org.loumen.lease.Leases;

/**
 * A lease held for the length of one long piece of work: taken for {@code ttl}, then renewed every third of it on its
 * own thread (a {@link PeriodicTask}), so it never expires while the work runs, however long (a first scan over 100,000 reports). When a
 * renewal fails (the database was out of reach past the lease's end and another node took it) {@link #held()} turns
 * false and the work stops at its next check, so two nodes never go on with the same scan. Closing stops the renewals
 * and keeps the lease until it expires, so the same node runs the next scan.
 */
final class HeldLease implements AutoCloseable {

    private final Leases leases;
    private final String name;
    private final Duration ttl;
    private final PeriodicTask renewal;
    private volatile boolean held = true;
    private volatile long renewedAt = System.nanoTime();

    private HeldLease(Leases leases, String name, Duration ttl) {
        this.leases = leases;
        this.name = name;
        this.ttl = ttl;
        this.renewal = new PeriodicTask("loumen-lease-" + name, this::renew);
        renewal.every(ttl.dividedBy(3));
    }

    /** The lease, held and being renewed, or {@code null} when another node holds it. */
    static HeldLease take(Leases leases, String name, Duration ttl) {
        return leases.acquire(name, ttl) ? new HeldLease(leases, name, ttl) : null;
    }

    private void renew() {
        if (!held) {
            return;
        }
        long at = System.nanoTime();
        if (leases.acquire(name, ttl)) {
            renewedAt = at;
        } else {
            held = false;
        }
    }

    /** Whether this node still holds the lease (renewed within its time to live, never lost since). */
    boolean held() {
        return held && System.nanoTime() - renewedAt < ttl.toNanos();
    }

    @Override
    public void close() {
        renewal.close();
    }
}
