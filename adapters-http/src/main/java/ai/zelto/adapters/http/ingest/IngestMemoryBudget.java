package ai.zelto.adapters.http.ingest;

import ai.zelto.application.spi.provider.JsonLimits;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the heap that request bodies can take at once, so that many large or hostile bodies arriving together
 * slow the server down instead of exhausting its memory.
 *
 * <p>Each body is charged, while it is read, what it can cost until its delivery is stored: its bytes (read, then
 * copied into the delivery) plus its parsed tree, at most {@value #TREE_BYTES_PER_BODY_BYTE} times its bytes and
 * never more than {@link JsonLimits#MAX_PARSED_BYTES}, the bound the token limit gives. A charge that does not
 * fit waits up to {@code maxWait}; then the request is answered {@code 503} with {@code Retry-After}, and the
 * provider retries later. The first {@link #SMALL_BODY_COST} of each body may use the whole budget; larger
 * bodies share only three quarters of it, so ordinary uploads still get through while large ones queue.
 */
public final class IngestMemoryBudget {
    /** What a tree of {@code [{"a":1},…]}, the most expensive shape, costs per byte of its text, doubled. */
    static final long TREE_BYTES_PER_BODY_BYTE = 60;
    /** Bytes of a body held at once: the bytes read and the delivery's copy, with room for one more. */
    static final long COPIES = 3;
    static final long SMALL_BODY_COST = 1024 * 1024;
    private static final long UNIT = 1024;

    private final long capacityBytes;
    private final Semaphore all;
    private final Semaphore large;
    private final long maxWaitNanos;

    /**
     * @param capacityBytes the memory all bodies in flight may cost together; at least the cost of one body of
     *                      {@code maxBodyBytes}, so that every allowed body can be accepted
     */
    public IngestMemoryBudget(long capacityBytes, long maxBodyBytes, Duration maxWait) {
        long atLeast = costOf(maxBodyBytes) * 4 / 3 + SMALL_BODY_COST;
        this.capacityBytes = Math.max(capacityBytes, atLeast);
        long units = Math.min(Integer.MAX_VALUE, this.capacityBytes / UNIT);
        this.all = new Semaphore((int) units);
        this.large = new Semaphore((int) (units * 3 / 4));
        this.maxWaitNanos = maxWait.toNanos();
    }

    /** The default budget: a quarter of the heap, or what one body of the largest size needs, if more. */
    public static long defaultCapacity(long maxHeapBytes) {
        return maxHeapBytes / 4;
    }

    /** What a body of this many bytes may cost in memory until its delivery is stored. */
    public static long costOf(long bodyBytes) {
        return COPIES * bodyBytes + Math.min(bodyBytes * TREE_BYTES_PER_BODY_BYTE, JsonLimits.MAX_PARSED_BYTES);
    }

    public long capacityBytes() {
        return capacityBytes;
    }

    /** Units free now (for tests and metrics). */
    long availableBytes() {
        return (long) all.availablePermits() * UNIT;
    }

    /** A new, empty charge for one request; close it when the request is done with its body. */
    public Charge open() {
        return new Charge();
    }

    /** The budget is spent and did not free up in time. */
    public static final class Exhausted extends Exception {
        private static final long serialVersionUID = 1L;

        Exhausted() {
            super(null, null, false, false);
        }
    }

    /** What one request holds. Not thread-safe: one request thread uses it. */
    public final class Charge implements AutoCloseable {
        private long allUnits;
        private long largeUnits;

        private Charge() {
        }

        /**
         * Grows the charge to cover a body of {@code bodyBytes}, waiting for room if need be.
         *
         * @throws Exhausted when no room frees up in time; the charge is then released whole
         */
        public void cover(long bodyBytes) throws Exhausted, InterruptedException {
            long cost = costOf(bodyBytes);
            long wantAll = unitsFor(cost);
            long wantLarge = unitsFor(Math.max(0, cost - SMALL_BODY_COST));
            long deadline = System.nanoTime() + maxWaitNanos;
            if (wantLarge > largeUnits) {
                acquire(large, wantLarge - largeUnits, deadline);
                largeUnits = wantLarge;
            }
            if (wantAll > allUnits) {
                acquire(all, wantAll - allUnits, deadline);
                allUnits = wantAll;
            }
        }

        private void acquire(Semaphore semaphore, long units, long deadline)
                throws Exhausted, InterruptedException {
            boolean got = units <= Integer.MAX_VALUE
                    && semaphore.tryAcquire((int) units, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (!got) {
                close();
                throw new Exhausted();
            }
        }

        @Override
        public void close() {
            all.release((int) allUnits);
            large.release((int) largeUnits);
            allUnits = 0;
            largeUnits = 0;
        }
    }

    private static long unitsFor(long bytes) {
        return (bytes + UNIT - 1) / UNIT;
    }
}
