package ai.zelto.adapters.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Commits the writes of many request threads together. Each caller hands over its write and waits; a committer
 * thread takes every write waiting, up to {@code maxBatch}, and commits them in one transaction, then releases
 * the callers. A caller returns only once its write is committed, exactly as if it had committed alone, but the
 * database flushes its log once for the whole batch instead of once per write. While a batch commits, the next
 * one gathers, so batches grow with the load and stay at one write when there is none.
 *
 * <p>If a batch fails, its writes are retried one by one, so that one bad write fails only its own caller.
 */
final class GroupCommit<T> {
    private final BlockingQueue<Waiting<T>> queue = new LinkedBlockingQueue<>();
    private final Consumer<List<T>> writeBatch;
    private final Consumer<T> writeOne;
    private final int maxBatch;

    /**
     * @param writeBatch writes a batch in one transaction, committed when it returns
     * @param writeOne   writes one item in a transaction of its own
     */
    GroupCommit(String name, int committers, int maxBatch, Consumer<List<T>> writeBatch, Consumer<T> writeOne) {
        this.writeBatch = writeBatch;
        this.writeOne = writeOne;
        this.maxBatch = maxBatch;
        for (int i = 0; i < committers; i++) {
            Thread committer = new Thread(this::commitForever, name + "-" + i);
            committer.setDaemon(true);
            committer.start();
        }
    }

    /** Writes the item; returns once it is committed, or throws what made its commit fail. */
    void write(T item) {
        Waiting<T> waiting = new Waiting<>(item);
        queue.add(waiting);
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

    private void commitForever() {
        List<Waiting<T>> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException stopping) {
                return;
            }
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
