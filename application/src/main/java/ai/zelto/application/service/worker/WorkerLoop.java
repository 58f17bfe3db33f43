package ai.zelto.application.service.worker;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A background loop: a few threads that run a step (process a batch of deliveries, run due jobs) while there
 * is work, sleep while there is none (woken early by {@link #wakeUp()}), and back off while the step fails (the
 * database is unreachable). Other app copies run their own loops on the same durable queues.
 */
public final class WorkerLoop {
    private static final System.Logger LOG = System.getLogger(WorkerLoop.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final String name;
    private final IntSupplier step;
    private final int threads;
    private final Duration idlePoll;
    private final Semaphore wakeUps = new Semaphore(0);
    private final List<Thread> running = new ArrayList<>();
    private volatile boolean stopping;

    /**
     * @param step does one unit of work and returns how much it did; 0 means "nothing to do, sleep"
     */
    public WorkerLoop(String name, IntSupplier step, int threads, Duration idlePoll) {
        if (threads < 1) {
            throw new IllegalArgumentException("at least one worker thread");
        }
        this.name = name;
        this.step = step;
        this.threads = threads;
        this.idlePoll = idlePoll;
    }

    public synchronized void start() {
        stopping = false;
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(this::loop, "zelto-" + name + "-" + i);
            thread.setDaemon(true);
            thread.start();
            running.add(thread);
        }
    }

    /** Stops the loop; a step under way finishes (or rolls back) first. */
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
                int done = step.getAsInt();
                backoff = Duration.ZERO;
                if (done == 0) {
                    sleep(idlePoll);
                }
            } catch (RuntimeException error) {
                backoff = backoff.isZero() ? Duration.ofMillis(250) : min(backoff.multipliedBy(2), MAX_BACKOFF);
                LOG.log(Level.WARNING, name + " could not run; retrying in " + backoff.toMillis() + " ms: " + error);
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
