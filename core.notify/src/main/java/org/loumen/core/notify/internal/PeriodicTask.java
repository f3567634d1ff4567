package org.loumen.core.notify.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One piece of work run again and again on its own daemon thread (a scan, the delivery poll, a lease's renewal): first
 * one interval after {@link #every}, then one interval after each run ends. A changed interval takes effect at once;
 * {@link #kick} runs it now (wake-ups that come while it is busy are merged into one); a failed run is logged and the
 * next one still comes; {@link #close} stops it.
 */
final class PeriodicTask implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Runnable work;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean kicked = new AtomicBoolean();
    private ScheduledFuture<?> next;

    PeriodicTask(String name, Runnable work) {
        this.name = name;
        this.work = work;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the work every {@code interval} from now on (replacing the interval before). */
    synchronized PeriodicTask every(Duration interval) {
        if (next != null) {
            next.cancel(false);
        }
        long millis = Math.max(1, interval.toMillis());
        try {
            next = executor.scheduleWithFixedDelay(this::runSafely, millis, millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed
        }
        return this;
    }

    /** Runs the work now, on the task's thread, unless a run asked for earlier has not started yet. */
    void kick() {
        if (kicked.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    kicked.set(false);
                    runSafely();
                });
            } catch (RejectedExecutionException e) {
                kicked.set(false); // closed
            }
        }
    }

    private void runSafely() {
        try {
            work.run();
        } catch (RuntimeException | LinkageError e) {
            // an exception that left the task would end the schedule for good
            LOG.warn("{} failed: {}", name, e.toString());
        }
    }

    /** Stops the schedule and interrupts a run under way. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
