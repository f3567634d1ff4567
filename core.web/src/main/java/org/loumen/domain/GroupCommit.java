package org.loumen.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many callers' writes in one transaction (组提交, group commit): one writer thread takes whatever was queued while the
 * previous group was being committed (up to {@code maxGroup}) and writes it with one call of {@code write} — one
 * transaction, one log force. Each caller is released only after the call holding its item has returned, so nothing is
 * acknowledged before it is committed. A group that fails is written again item by item, so one bad item fails only
 * its own caller. Items queued when it is closed are still written; later ones are refused. Used by the audit log
 * (审计组提交) and the ballots (选票组提交); a rule of how acknowledged writes are made durable, kept in one place.
 *
 * @param <T> what a caller writes
 * @param <R> the outcome a caller gets back
 */
public final class GroupCommit<T, R> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    /** The longest a caller waits for its group, so that a request never hangs on a stuck database. */
    public static final int WAIT_SECONDS = 60;

    private record Pending<T, R>(T item, CompletableFuture<R> done) {
    }

    private final Function<List<T>, List<R>> write;
    private final int maxGroup;
    private final LinkedBlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    /**
     * @param write writes the items in one transaction and returns one outcome per item, in their order; throws when
     *            the transaction did not commit
     */
    public GroupCommit(String name, int maxGroup, Function<List<T>, List<R>> write) {
        this.write = write;
        this.maxGroup = maxGroup;
        this.writer = new Thread(this::writeLoop, name);
        writer.setDaemon(true);
        writer.start();
    }

    /** Writes the item in the next group and returns its outcome once that group has committed. */
    public R submit(T item) {
        Pending<T, R> p = new Pending<>(item, new CompletableFuture<>());
        if (closed || !queue.offer(p)) {
            throw new IllegalStateException("closed / 已关闭: " + writer.getName());
        }
        try {
            return p.done.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the group commit", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("not written within " + WAIT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** How many items wait for the next group (for tests). */
    int waiting() {
        return queue.size();
    }

    @Override
    public void close() {
        closed = true;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.interrupt();
    }

    private void writeLoop() {
        List<Pending<T, R>> group = new ArrayList<>(maxGroup);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending<T, R> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, maxGroup - 1);
                writeGroup(group);
            } catch (InterruptedException e) {
                if (closed) {
                    break;
                }
            } finally {
                group.clear();
            }
        }
        Pending<T, R> left;
        while ((left = queue.poll()) != null) {
            left.done.completeExceptionally(new IllegalStateException("closed / 已关闭: " + writer.getName()));
        }
    }

    /** The group in one call; if that fails, each item alone. */
    private void writeGroup(List<Pending<T, R>> group) {
        List<R> outcomes;
        try {
            outcomes = write.apply(group.stream().map(Pending::item).toList());
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.get(0).done.completeExceptionally(e);
                return;
            }
            LOG.debug("Group of {} failed, written one by one: {}", group.size(), e.toString());
            for (Pending<T, R> p : group) {
                try {
                    p.done.complete(write.apply(List.of(p.item())).get(0));
                } catch (RuntimeException | Error single) {
                    p.done.completeExceptionally(single);
                }
            }
            return;
        } catch (Error e) {
            // the writer must live on (and no caller wait in vain), whatever went wrong
            group.forEach(p -> p.done.completeExceptionally(e));
            LOG.error("Group of {} not written", group.size(), e);
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            // committed: never written again, so a wrong count of outcomes fails the callers left without one
            if (i < outcomes.size()) {
                group.get(i).done.complete(outcomes.get(i));
            } else {
                group.get(i).done.completeExceptionally(new IllegalStateException(outcomes.size()
                        + " outcomes for " + group.size() + " items"));
            }
        }
    }
}
