package org.loumen.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** Callers arriving while a group is written wait for the next one: many items, few calls, each its own outcome. */
    @Test
    void callersWaitingMeanwhileShareTheNextGroupAndEachGetsItsOwnOutcome() throws Exception {
        List<List<Integer>> calls = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (GroupCommit<Integer, String> group = new GroupCommit<>("test-writer", 64, items -> {
            calls.add(List.copyOf(items));
            firstStarted.countDown();
            try {
                release.await(10, TimeUnit.SECONDS); // the first group's "log force" lasts until all have queued
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return items.stream().map(i -> "ok " + i).toList();
        })) {
            ExecutorService pool = Executors.newFixedThreadPool(21);
            try {
                Future<String> first = pool.submit(() -> group.submit(0));
                assertTrue(firstStarted.await(10, TimeUnit.SECONDS));
                List<Future<String>> rest = new ArrayList<>();
                for (int i = 1; i <= 20; i++) {
                    int n = i;
                    rest.add(pool.submit(() -> group.submit(n)));
                }
                awaitWaiting(group, 20); // all twenty queued behind the first group
                assertTrue(rest.stream().noneMatch(Future::isDone), "nobody is released before its group commits");
                release.countDown();
                assertEquals("ok 0", first.get(10, TimeUnit.SECONDS));
                for (int i = 1; i <= 20; i++) {
                    assertEquals("ok " + i, rest.get(i - 1).get(10, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        assertEquals(List.of(0), calls.get(0));
        assertEquals(2, calls.size(), "the twenty waiting meanwhile went into one group: " + calls);
        assertEquals(20, calls.get(1).size());
    }

    /** A group that fails is written again one by one: only the bad item's caller fails, the others are written. */
    @Test
    void aFailingGroupIsWrittenOneByOneSoOnlyTheBadItemFails() throws Exception {
        List<List<Integer>> calls = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (GroupCommit<Integer, Integer> group = new GroupCommit<>("test-writer", 64, items -> {
            calls.add(List.copyOf(items));
            if (items.contains(0)) {
                firstStarted.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (items.contains(13)) {
                throw new IllegalArgumentException("13 refused: the transaction rolled back");
            }
            return items.stream().map(i -> i * 2).toList();
        })) {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                Future<Integer> first = pool.submit(() -> group.submit(0));
                assertTrue(firstStarted.await(10, TimeUnit.SECONDS));
                List<Future<Integer>> rest = new ArrayList<>();
                int queued = 0;
                for (int n : new int[] { 11, 12, 13, 14 }) {
                    rest.add(pool.submit(() -> group.submit(n)));
                    awaitWaiting(group, ++queued); // in this order
                }
                release.countDown();
                assertEquals(0, first.get(10, TimeUnit.SECONDS));
                assertEquals(22, rest.get(0).get(10, TimeUnit.SECONDS));
                assertEquals(24, rest.get(1).get(10, TimeUnit.SECONDS));
                java.util.concurrent.ExecutionException bad = assertThrows(
                        java.util.concurrent.ExecutionException.class, () -> rest.get(2).get(10, TimeUnit.SECONDS));
                assertTrue(bad.getCause() instanceof IllegalArgumentException, bad.toString());
                assertEquals(28, rest.get(3).get(10, TimeUnit.SECONDS));
            } finally {
                pool.shutdownNow();
            }
        }
        // the group of four failed once, then each was written alone
        assertEquals(List.of(List.of(0), List.of(11, 12, 13, 14), List.of(11), List.of(12), List.of(13), List.of(14)),
                calls);
    }

    /** A writer that returns too few outcomes committed its group: nobody is written twice, the callers left fail. */
    @Test
    void aCommittedGroupIsNeverWrittenTwice() {
        List<List<Integer>> calls = Collections.synchronizedList(new ArrayList<>());
        try (GroupCommit<Integer, Integer> group = new GroupCommit<>("test-writer", 64, items -> {
            calls.add(List.copyOf(items));
            return List.of();
        })) {
            assertThrows(IllegalStateException.class, () -> group.submit(1));
        }
        assertEquals(List.of(List.of(1)), calls);
    }

    @Test
    void groupsAreNoLargerThanTheirBound() throws Exception {
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        try (GroupCommit<Integer, Integer> group = new GroupCommit<>("test-writer", 4, items -> {
            sizes.add(items.size());
            return items;
        })) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<Integer>> all = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    int n = i;
                    all.add(pool.submit(() -> group.submit(n)));
                }
                for (int i = 0; i < 100; i++) {
                    assertEquals(i, all.get(i).get(10, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        assertEquals(100, sizes.stream().mapToInt(Integer::intValue).sum());
        assertTrue(sizes.stream().allMatch(s -> s >= 1 && s <= 4), sizes.toString());
    }

    @Test
    void closedRefusesNewItems() {
        GroupCommit<Integer, Integer> group = new GroupCommit<>("test-writer", 4, items -> items);
        assertEquals(7, group.submit(7));
        group.close();
        assertThrows(IllegalStateException.class, () -> group.submit(8));
    }

    private static void awaitWaiting(GroupCommit<?, ?> group, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (group.waiting() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(n, group.waiting());
    }
}
