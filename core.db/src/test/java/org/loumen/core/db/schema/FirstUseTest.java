package org.loumen.core.db.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.junit.jupiter.api.Test;

/** The gate before a component's data is first used: once, concurrent users wait, a failure is retried. */
class FirstUseTest {

    @Test
    void theFirstUseDoesTheWorkAndLaterUsesDoNothing() {
        AtomicInteger runs = new AtomicInteger();
        FirstUse gate = new FirstUse("test", runs::incrementAndGet);
        assertFalse(gate.passed());
        gate.pass();
        gate.pass();
        gate.pass();
        assertEquals(1, runs.get());
        assertTrue(gate.passed());
    }

    @Test
    void concurrentFirstUsersWaitForTheOneDoingTheWork() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean done = new AtomicBoolean();
        FirstUse gate = new FirstUse("test", () -> {
            runs.incrementAndGet();
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            done.set(true);
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> users = new ArrayList<>();
            users.add(pool.submit(() -> {
                gate.pass();
                return done.get();
            }));
            assertTrue(started.await(5, TimeUnit.SECONDS));
            for (int i = 0; i < 3; i++) {
                users.add(pool.submit(() -> {
                    gate.pass();
                    return done.get(); // past the gate only once the work is done
                }));
            }
            Thread.sleep(50);
            for (Future<Boolean> u : users) {
                assertFalse(u.isDone(), "a user went past the gate while the work was under way");
            }
            release.countDown();
            for (Future<Boolean> u : users) {
                assertTrue(u.get(5, TimeUnit.SECONDS));
            }
            assertEquals(1, runs.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailureSurfacesToTheUserAndIsTriedAgainAtTheNextUse() {
        AtomicInteger runs = new AtomicInteger();
        FirstUse gate = new FirstUse("running totals", () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalArgumentException("database away");
            }
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, gate::pass);
        assertTrue(e.getMessage().contains("running totals") && e.getMessage().contains("database away"),
                e.getMessage());
        assertFalse(gate.passed());
        gate.pass();
        assertTrue(gate.passed());
        gate.pass();
        assertEquals(2, runs.get());
    }

    @Test
    void workThatUsesItsOwnGateIsRefusedInsteadOfLooping() {
        FirstUse[] gate = new FirstUse[1];
        gate[0] = new FirstUse("self", () -> gate[0].pass());
        assertThrows(IllegalStateException.class, gate[0]::pass);
        assertFalse(gate[0].passed());
    }

    @Test
    void theGuardedTemplatePassesTheGateBeforeEveryTransaction() {
        List<String> order = new ArrayList<>();
        FirstUse gate = new FirstUse("test", () -> order.add("work"));
        JpaTemplate raw = new JpaTemplate() {
            @Override
            public <R> R txExpr(TransactionType type, EmFunction<R> code) {
                order.add("txExpr " + type);
                return null;
            }

            @Override
            public void tx(TransactionType type, EmConsumer code) {
                order.add("tx " + type);
            }

            @Override
            public <R> R txExpr(EmFunction<R> code) {
                order.add("txExpr");
                return null;
            }

            @Override
            public void tx(EmConsumer code) {
                order.add("tx");
            }
        };
        JpaTemplate jpa = gate.guard(raw);
        jpa.txExpr(em -> 1);
        jpa.tx(em -> { });
        jpa.tx(TransactionType.Supports, em -> { });
        jpa.txExpr(TransactionType.Required, em -> 1);
        assertEquals(List.of("work", "txExpr", "tx", "tx Supports", "txExpr Required"), order);
    }

    @Test
    void theBackgroundPassDoesTheWorkOnItsOwnThread() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        String[] thread = new String[1];
        FirstUse gate = new FirstUse("test", () -> {
            thread[0] = Thread.currentThread().getName();
            ran.countDown();
        });
        gate.passInBackground();
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        assertEquals("loumen-first-use", thread[0]);
        for (int i = 0; i < 100 && !gate.passed(); i++) {
            Thread.sleep(10);
        }
        assertTrue(gate.passed());
    }

    @Test
    void theBackgroundIsIdleOnlyOnceEveryQueuedPassIsOver() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FirstUse slow = new FirstUse("slow", () -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        FirstUse next = new FirstUse("next", () -> { });
        slow.passInBackground();
        next.passInBackground();
        assertFalse(FirstUse.backgroundIdle(), "a pass is running and another queued");
        release.countDown();
        for (int i = 0; i < 500 && !FirstUse.backgroundIdle(); i++) {
            Thread.sleep(10);
        }
        assertTrue(FirstUse.backgroundIdle());
        assertTrue(slow.passed() && next.passed());
    }
}
