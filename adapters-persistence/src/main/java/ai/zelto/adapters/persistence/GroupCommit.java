package ai.zelto.adapters.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Commits the writes of many request threads together. Each caller hands over its write and waits; a committer
 * thread takes every write waiting, up to {@code maxBatch}, and commits them in one transaction, then releases
 * the callers. A caller returns only once its write is committed, exactly as if it had committed alone, but the
 * database flushes its log once for the whole batch instead of once per write. While a batch commits, the next
 * one gathers, so batches grow with the load and stay at one write when there is none.
 *
 * <p>If a batch fails, its writes are retried one by one, so that one bad write fails only its own caller.
 *
 * <p>Committer threads start with the first write and end after {@link #IDLE_SECONDS} without one, so a stopped
 * server (or a CLI command that never writes) leaves none behind.
 */
final class GroupCommit<T> {
    static final long IDLE_SECONDS = 2;

    private final BlockingQueue<Waiting<T>> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger running = new AtomicInteger();
    private final String name;
    private final int committers;
    private final Consumer<List<T>> writeBatch;
    private final Consumer<T> writeOne;
    private final int maxBatch;

    /**
     * @param writeBatch writes a batch in one transaction, committed when it returns
     * @param writeOne   writes one item in a transaction of its own
     */
    GroupCommit(String name, int committers, int maxBatch, Consumer<List<T>> writeBatch, Consumer<T> writeOne) {
        this.name = name;
        this.committers = committers;
        this.writeBatch = writeBatch;
        this.writeOne = writeOne;
        this.maxBatch = maxBatch;
    }

    /** Committer threads alive now. */
    int committersRunning() {
        return running.get();
    }

    /** Starts committers up to their number. */
    private void ensureCommitters() {
        for (int slot = claimCommitterSlot(); slot >= 0; slot = claimCommitterSlot()) {
            Thread committer = new Thread(this::commitWhileBusy, name + "-" + slot);
            committer.setDaemon(true);
            committer.start();
        }
    }

    /** Counts one more committer if fewer than their number run: its slot, or -1 when all are taken. */
    private int claimCommitterSlot() {
        int now = running.get();
        while (now < committers) {
            if (running.compareAndSet(now, now + 1)) {
                return now;
            }
            now = running.get();
        }
        return -1;
    }

    /** Writes the item; returns once it is committed, or throws what made its commit fail. */
    void write(T item) {
        Waiting<T> waiting = new Waiting<>(item);
        queue.add(waiting);
        ensureCommitters();
        boolean interrupted = false;
        while (true) {
            try {
                waiting.done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (waiting.failure != null) {
            throw new IllegalStateException("the write was not committed", waiting.failure);
        }
    }

    private void commitWhileBusy() {
        List<Waiting<T>> batch = new ArrayList<>(maxBatch);
        while (true) {
            Waiting<T> first;
            try {
                first = queue.poll(IDLE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException stopping) {
                running.decrementAndGet();
                return;
            }
            if (first == null) {
                running.decrementAndGet();
                // a write queued meanwhile may have seen this thread still counted: stay for it
                if (queue.isEmpty() || claimCommitterSlot() < 0) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, maxBatch - 1);
            commit(batch);
            batch.clear();
        }
    }

    private void commit(List<Waiting<T>> batch) {
        try {
            writeBatch.accept(batch.stream().map(waiting -> waiting.item).toList());
            batch.forEach(waiting -> waiting.finish(null));
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                batch.get(0).finish(batchFailed);
                return;
            }
            for (Waiting<T> waiting : batch) {
                try {
                    writeOne.accept(waiting.item);
                    waiting.finish(null);
                } catch (RuntimeException failed) {
                    waiting.finish(failed);
                }
            }
        } catch (Error fatal) {
            batch.forEach(waiting -> waiting.finish(fatal));
            throw fatal;
        }
    }

    private static final class Waiting<T> {
        private final T item;
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile Throwable failure;

        Waiting(T item) {
            this.item = item;
        }

        void finish(Throwable failure) {
            this.failure = failure;
            done.countDown();
        }
    }
}
