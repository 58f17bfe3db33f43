package ai.zelto.application.service.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IngestBackpressureTest {
    private final AtomicLong pending = new AtomicLong();
    private final IngestBackpressure backpressure = new IngestBackpressure(pending::get, 100, Duration.ofSeconds(2),
            Duration.ofMillis(10));

    private long millisToGetRoom() {
        long started = System.nanoTime();
        backpressure.awaitRoom();
        return (System.nanoTime() - started) / 1_000_000;
    }

    /**
     * The watcher starts with an upload (which passes while the backlog read is within the limit) and reads the
     * backlog. Uploads keep coming until it has been read, as they would: on a slow machine the watcher may
     * otherwise end, idle, before this thread looks.
     */
    private void awaitSeen(long value) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (backpressure.pending() != value) {
            if (backpressure.pending() <= 100) {
                backpressure.awaitRoom();
            }
            assertThat(System.nanoTime()).as("the backlog %d was read within 10 s", value).isLessThan(deadline);
            Thread.sleep(2);
        }
    }

    @Test
    void withinTheLimit_uploadsAreNotHeldAtAll() throws Exception {
        pending.set(100);
        awaitSeen(100);

        assertThat(millisToGetRoom()).isLessThan(1_000);
    }

    @Test
    void overTheLimit_anUploadWaitsAtMostTheLongestDelay_neverForever() throws Exception {
        pending.set(101);
        awaitSeen(101);

        assertThat(millisToGetRoom()).isBetween(1_990L, 4_000L);
    }

    /**
     * The backlog shrinks only once this thread is held (parked in {@code awaitRoom}), not after a fixed sleep: on
     * a busy machine this thread could otherwise reach {@code awaitRoom} after the backlog had already shrunk.
     */
    @Test
    void anUploadHeldBack_goesOnAsSoonAsTheBacklogShrinks() throws Exception {
        pending.set(5_000);
        awaitSeen(5_000);
        Thread uploader = Thread.currentThread();
        AtomicLong shrunkAt = new AtomicLong();
        Thread shrinker = new Thread(() -> {
            while (uploader.getState() != Thread.State.TIMED_WAITING) {
                sleepQuietly(1);
            }
            sleepQuietly(50);
            shrunkAt.set(System.nanoTime());
            pending.set(10);
        });
        shrinker.setDaemon(true);
        shrinker.start();

        backpressure.awaitRoom();
        long returnedAt = System.nanoTime();

        assertThat(shrunkAt.get()).as("the backlog shrank while the upload was held").isNotZero();
        assertThat((returnedAt - shrunkAt.get()) / 1_000_000).as("ms from the shrink to going on")
                .isBetween(0L, 1_900L);
    }

    /**
     * A backlog over the limit is read first, so that uploads would be held; then the database stops answering.
     * The watcher must go on (and stop holding uploads back) rather than die with the last backlog it read.
     */
    @Test
    void whenTheBacklogCannotBeRead_uploadsAreNotHeldBack() throws Exception {
        AtomicBoolean unreadable = new AtomicBoolean();
        AtomicInteger failedReads = new AtomicInteger();
        IngestBackpressure watched = new IngestBackpressure(() -> {
            if (unreadable.get()) {
                failedReads.incrementAndGet();
                throw new IllegalStateException("the database does not answer");
            }
            return pending.get();
        }, 100, Duration.ofSeconds(5), Duration.ofMillis(10));
        pending.set(5_000);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (watched.pending() != 5_000) {
            if (watched.pending() <= 100) {
                watched.awaitRoom();
            }
            assertThat(System.nanoTime()).as("the backlog was read within 10 s").isLessThan(deadline);
            Thread.sleep(2);
        }

        unreadable.set(true);
        long started = System.nanoTime();
        watched.awaitRoom();

        assertThat((System.nanoTime() - started) / 1_000_000).as("ms an upload was held").isLessThan(2_500);
        assertThat(failedReads.get()).as("reads that failed").isPositive();
        watched.stop();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theWatcherEnds_whenUploadsStop() throws Exception {
        pending.set(7);
        awaitSeen(7);

        Thread.sleep(IngestBackpressure.IDLE.toMillis() + 500);

        assertThat(backpressure.pending()).as("the watcher has ended and forgotten the backlog").isZero();
    }
}
