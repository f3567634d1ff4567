package org.loumen.core.db.schema;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.aries.jpa.template.JpaTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that must be done once before a component's data is first used (首次使用前的准备): a data upgrade, a backfill,
 * a chain's head, an index, a table. Done at the first {@link #pass()}, not when the component is activated, so a
 * start does no database work on the start level's thread; once the platform has started, {@link #passInBackground()}
 * does it before users come.
 *
 * <p>Passed once: concurrent first users wait for the one doing the work. A failure is not remembered as done: it
 * surfaces to the user who met it (an {@link IllegalStateException} naming the work) and is tried again at the next
 * use, so the work is never silently skipped.
 *
 * @since 1.2
 */
public final class FirstUse {

    private static final Logger LOG = LoggerFactory.getLogger(FirstUse.class);

    /** One background thread for every component's gate, in turn: the first requests after start share the cores. */
    private static final Executor BACKGROUND = background();
    /** Background passes queued or running, of every gate. */
    private static final AtomicInteger IN_BACKGROUND = new AtomicInteger();

    private final String what;
    private final Runnable work;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean passed;

    /**
     * @param what the work in words, for the log and the error (e.g. "评议选票累计补建 / running totals backfilled")
     * @param work done once; it must use the store directly, never through {@link #guard}'s template
     */
    public FirstUse(String what, Runnable work) {
        this.what = what;
        this.work = work;
    }

    /** Returns once the work is done: at once after the first success, else after doing it (or waiting for it). */
    public void pass() {
        if (passed) {
            return;
        }
        if (lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("首次使用前的准备调用了自身 / first-use work used its own gate: " + what);
        }
        lock.lock();
        try {
            if (passed) {
                return;
            }
            try {
                work.run();
            } catch (RuntimeException e) {
                throw new IllegalStateException("数据尚未就绪，下次使用时重试 / data not ready (" + what
                        + "), tried again at the next use: " + e.getMessage(), e);
            }
            passed = true;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the work is done. */
    public boolean passed() {
        return passed;
    }

    /**
     * Passes the gate on the shared background thread (after the platform has started, so the first user finds the
     * work done); a failure is logged and the work tried again at the next use.
     */
    public void passInBackground() {
        if (passed) {
            return;
        }
        IN_BACKGROUND.incrementAndGet();
        BACKGROUND.execute(() -> {
            try {
                pass();
            } catch (RuntimeException e) {
                LOG.warn("{}", e.getMessage());
            } finally {
                IN_BACKGROUND.decrementAndGet();
            }
        });
    }

    /**
     * Whether no background pass is queued or running, of any gate: the work done after start is over (e.g. to give
     * back the heap it needed).
     *
     * @since 1.3
     */
    public static boolean backgroundIdle() {
        return IN_BACKGROUND.get() == 0;
    }

    /** The template with every transaction behind this gate: the component's only way to its persistence unit. */
    public JpaTemplate guard(JpaTemplate jpa) {
        return new FirstUseJpa(this, jpa);
    }

    private static Executor background() {
        ThreadPoolExecutor e = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "loumen-first-use");
            t.setDaemon(true);
            return t;
        });
        e.allowCoreThreadTimeOut(true); // gone when idle: nothing left behind when the bundle stops
        return e;
    }
}
