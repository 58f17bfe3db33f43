package ai.zelto.application.service.apikey;

import ai.zelto.domain.apikey.ApiKeyId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per API key: {@code burst} requests at once, refilled at {@code perSecond}. The limit holds per
 * app copy (n copies behind a balancer allow up to n times as much). Time is a monotonic nanosecond counter
 * ({@link System#nanoTime()} in production), not the wall clock, which may jump.
 */
public final class KeyRateLimiter {
    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<ApiKeyId, Bucket> buckets = new ConcurrentHashMap<>();

    public KeyRateLimiter(double perSecond, double burst, LongSupplier nanoTime) {
        if (!(perSecond > 0) || !(burst >= 1)) {
            throw new IllegalArgumentException("a rate above zero and a burst of at least one request");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** Takes a request from the key's bucket: 0 when it may go on, else the seconds until it may (at least 1). */
    public long take(ApiKeyId key) {
        long now = nanoTime.getAsLong();
        return buckets.computeIfAbsent(key, id -> new Bucket(burst, now)).take(perSecond, burst, now);
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized long take(double perSecond, double burst, long now) {
            tokens = Math.min(burst, tokens + Math.max(0, now - updated) / 1e9 * perSecond);
            updated = Math.max(updated, now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }
    }
}
