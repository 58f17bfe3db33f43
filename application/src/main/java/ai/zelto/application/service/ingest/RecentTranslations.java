package ai.zelto.application.service.ingest;

import ai.zelto.domain.conversation.CallIngest;
import ai.zelto.domain.delivery.DeliveryId;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * The calls translated on receipt, kept in memory for the worker of the same process, so that a delivery's body
 * is parsed once rather than twice. The plugin, the bytes and so the call are the same; the worker looks its
 * delivery up here first and translates the stored bytes only when it is absent: the delivery was received by
 * another copy of the app or before a restart, was evicted, or its body was too large to keep.
 *
 * <p>Bounded by count and by the size of the bodies behind the kept calls. When full, a new call is not kept
 * (its delivery will be parsed again), rather than the oldest being dropped: the worker takes the oldest
 * deliveries first, so under a backlog larger than the bound, dropping the oldest would leave it only misses.
 * Calls whose deliveries never reach this process's worker (another copy took them) make room once they are
 * older than {@link #MAX_AGE_NANOS}.
 */
public final class RecentTranslations {
    /** Bodies larger than this are parsed again rather than kept: their calls would crowd the others out. */
    static final int LARGEST_BODY = 256 * 1024;
    /** A call kept longer than this may make room for a new one: its delivery went to another worker. */
    static final long MAX_AGE_NANOS = 30_000_000_000L;

    private final int maxCalls;
    private final long maxBodyBytes;
    private final LinkedHashMap<DeliveryId, Kept> calls = new LinkedHashMap<>();
    private long bodyBytes;

    private record Kept(CallIngest call, int bodySize, long keptAtNanos) {
    }

    /**
     * @param maxCalls     how many calls to keep at most
     * @param maxBodyBytes the most body bytes the kept calls may stand for (a call takes a few times its body)
     */
    public RecentTranslations(int maxCalls, long maxBodyBytes) {
        this.maxCalls = maxCalls;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Sized for a heap of {@code maxHeapBytes}: its 1/256th in bodies, at most 512 calls. A kept call of a 5 KB
     * upload takes about 25 KB of heap, and the heap the collector keeps grows with what stays live: with 2,048
     * calls the jar's peak RSS under the benchmark reached 1,012 MiB. 512 cover the backlog at moderate load;
     * under a sustained maximum the worker parses most deliveries again.
     */
    public static RecentTranslations forHeap(long maxHeapBytes) {
        return new RecentTranslations(512, Math.max(LARGEST_BODY, maxHeapBytes / 256));
    }

    /** Keeps the call of a delivery being stored, if there is room. */
    public void keep(DeliveryId id, CallIngest call, int bodySize) {
        keep(id, call, bodySize, System.nanoTime());
    }

    void keep(DeliveryId id, CallIngest call, int bodySize, long nowNanos) {
        if (bodySize > LARGEST_BODY || bodySize > maxBodyBytes) {
            return;
        }
        synchronized (calls) {
            var oldest = calls.values().iterator();
            while (!roomFor(bodySize) && oldest.hasNext()) {
                Kept candidate = oldest.next();
                if (nowNanos - candidate.keptAtNanos() < MAX_AGE_NANOS) {
                    break;
                }
                bodyBytes -= candidate.bodySize();
                oldest.remove();
            }
            if (!roomFor(bodySize)) {
                return;
            }
            Kept previous = calls.put(id, new Kept(call, bodySize, nowNanos));
            if (previous != null) {
                bodyBytes -= previous.bodySize();
            }
            bodyBytes += bodySize;
        }
    }

    private boolean roomFor(int bodySize) {
        return calls.size() < maxCalls && bodyBytes + bodySize <= maxBodyBytes;
    }

    /** Takes the call kept for a delivery, if any. */
    public Optional<CallIngest> take(DeliveryId id) {
        synchronized (calls) {
            Kept kept = calls.remove(id);
            if (kept == null) {
                return Optional.empty();
            }
            bodyBytes -= kept.bodySize();
            return Optional.of(kept.call());
        }
    }

    /** Forgets the call of a delivery that was not stored after all. */
    public void forget(DeliveryId id) {
        take(id);
    }

    int size() {
        synchronized (calls) {
            return calls.size();
        }
    }

    long bodyBytes() {
        synchronized (calls) {
            return bodyBytes;
        }
    }
}
