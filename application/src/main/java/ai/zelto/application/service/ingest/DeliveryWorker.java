package ai.zelto.application.service.ingest;

import ai.zelto.application.port.in.ingest.ProcessDeliveriesUseCase;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The background loop: a few threads that call {@link ProcessDeliveriesUseCase#processBatch()} while there is
 * work, sleep while there is none (woken early by {@link #wakeUp()} when this process stores a delivery), and
 * back off while the database is unreachable. Other app copies run their own workers on the same queue.
 */
public final class DeliveryWorker {
    private static final System.Logger LOG = System.getLogger(DeliveryWorker.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final ProcessDeliveriesUseCase process;
    private final int threads;
    private final Duration idlePoll;
    private final Semaphore wakeUps = new Semaphore(0);
    private final List<Thread> running = new ArrayList<>();
    private volatile boolean stopping;

    public DeliveryWorker(ProcessDeliveriesUseCase process, int threads, Duration idlePoll) {
        if (threads < 1) {
            throw new IllegalArgumentException("at least one worker thread");
        }
        this.process = process;
        this.threads = threads;
        this.idlePoll = idlePoll;
    }

    public synchronized void start() {
        stopping = false;
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(this::loop, "zelto-delivery-worker-" + i);
            thread.setDaemon(true);
            thread.start();
            running.add(thread);
        }
    }

    /** Stops the loop; a batch under way finishes (or rolls back) first. */
    public synchronized void stop() throws InterruptedException {
        stopping = true;
        wakeUps.release(threads);
        for (Thread thread : running) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
        running.clear();
    }

    /** Tells a sleeping thread there may be work. */
    public void wakeUp() {
        if (wakeUps.availablePermits() < threads) {
            wakeUps.release();
        }
    }

    private void loop() {
        Duration backoff = Duration.ZERO;
        while (!stopping) {
            try {
                int finished = process.processBatch();
                backoff = Duration.ZERO;
                if (finished == 0) {
                    sleep(idlePoll);
                }
            } catch (RuntimeException error) {
                backoff = backoff.isZero() ? Duration.ofMillis(250) : min(backoff.multipliedBy(2), MAX_BACKOFF);
                LOG.log(Level.WARNING, "delivery worker could not process a batch; retrying in " + backoff.toMillis()
                        + " ms: " + error);
                sleep(backoff);
            }
        }
    }

    private void sleep(Duration duration) {
        try {
            if (wakeUps.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUps.drainPermits();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
