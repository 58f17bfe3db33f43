package ai.zelto.application.service.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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

    @Test
    void whenTheBacklogCannotBeRead_uploadsAreNotHeldBack() throws Exception {
        IngestBackpressure unreadable = new IngestBackpressure(() -> {
            throw new IllegalStateException("the database does not answer");
        }, 100, Duration.ofSeconds(5), Duration.ofMillis(10));
        unreadable.awaitRoom();
        Thread.sleep(30);

        long started = System.nanoTime();
        unreadable.awaitRoom();
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(4_000);
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
