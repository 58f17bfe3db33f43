package ai.zelto.application.service.ingest;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Keeps processing up with acknowledgements. While more deliveries wait for processing than the limit, each new
 * upload waits (at most {@code maxDelay}) before it is stored: under a sustained load beyond what the workers can
 * process, acknowledgements slow down to the processing rate instead of the backlog, and with it the time until
 * a call becomes visible, growing without bound. Bursts shorter than the limit are not slowed at all. Nothing is
 * refused: after {@code maxDelay} the upload is stored anyway.
 *
 * <p>The backlog is read from the database every {@code refresh} by a background thread, so it counts the
 * deliveries of every copy of the app and costs the request path nothing. The thread runs while uploads come
 * in and ends {@link #IDLE} after the last one.
 */
public final class IngestBackpressure {
    private static final System.Logger LOG = System.getLogger(IngestBackpressure.class.getName());
    private static final long POLL_NANOS = Duration.ofMillis(5).toNanos();
    static final Duration IDLE = Duration.ofSeconds(2);

    private final LongSupplier pendingCount;
    private final long limit;
    private final long maxDelayNanos;
    private final Duration refresh;
    private final AtomicBoolean watching = new AtomicBoolean();
    private volatile long pending;
    private volatile long lastAskedNanos;
    private volatile Thread watcher;

    /** The longest an upload is held back: processing catches up with acknowledgements within seconds. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(1);
    /** How often the backlog is read while uploads come in: one count query a tenth of a second per app copy. */
    public static final Duration REFRESH = Duration.ofMillis(100);

    /** Backpressure on a backlog as the server applies it ({@link #MAX_DELAY}, {@link #REFRESH}). */
    public static IngestBackpressure onBacklog(LongSupplier pendingCount, long limit) {
        return new IngestBackpressure(pendingCount, limit, MAX_DELAY, REFRESH);
    }

    public IngestBackpressure(LongSupplier pendingCount, long limit, Duration maxDelay, Duration refresh) {
        this.pendingCount = pendingCount;
        this.limit = limit;
        this.maxDelayNanos = maxDelay.toNanos();
        this.refresh = refresh;
    }

    /** Returns once the backlog is within the limit, or after the longest delay allowed. */
    public void awaitRoom() {
        lastAskedNanos = System.nanoTime();
        if (!watching.get() && watching.compareAndSet(false, true)) {
            Thread started = new Thread(this::watchWhileAsked, "backlog-watch");
            started.setDaemon(true);
            watcher = started;
            started.start();
        }
        if (pending <= limit) {
            return;
        }
        long deadline = System.nanoTime() + maxDelayNanos;
        while (pending > limit && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(POLL_NANOS);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    /** Ends the watcher now (the server stops); a later upload would start it again. */
    public void stop() {
        lastAskedNanos = System.nanoTime() - IDLE.toNanos();
        Thread current = watcher;
        if (current != null) {
            current.interrupt();
        }
    }

    /** The backlog as last read. */
    public long pending() {
        return pending;
    }

    private void watchWhileAsked() {
        while (System.nanoTime() - lastAskedNanos < IDLE.toNanos()) {
            try {
                pending = pendingCount.getAsLong();
            } catch (RuntimeException unreadable) {
                // the database does not answer: uploads fail on their own; do not hold them back as well
                pending = 0;
                LOG.log(Level.DEBUG, "the backlog could not be read", unreadable);
            }
            try {
                Thread.sleep(refresh.toMillis());
            } catch (InterruptedException stopping) {
                break;
            }
        }
        pending = 0;
        watching.set(false);
    }
}
