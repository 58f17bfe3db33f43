package ai.zelto.adapters.http.auth;

import ai.zelto.adapters.http.error.ErrorBody;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.Principal;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API key: {@code burst} requests at once, refilled at {@code perSecond}. Over it, the key
 * gets {@code 429 {"error": "Too many requests"}} with {@code Retry-After}; other keys are not affected. The
 * limit holds per app copy (n copies behind a balancer allow up to n times as much).
 */
@Priority(Priorities.AUTHORIZATION)
public final class RateLimit implements ContainerRequestFilter {
    private final double perSecond;
    private final double burst;
    private final ConcurrentHashMap<Object, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimit(double perSecond, double burst) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a rate above zero and a burst of at least one request");
        }
        this.perSecond = perSecond;
        this.burst = burst;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext() == null ? null
                : request.getSecurityContext().getUserPrincipal();
        if (!(principal instanceof ApiKeyPrincipal caller)) {
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(caller.key().keyId(), id -> new Bucket(burst));
        long waitSeconds = bucket.take(perSecond, burst, System.nanoTime());
        if (waitSeconds > 0) {
            request.abortWith(Response.status(429).header("Retry-After", Long.toString(waitSeconds))
                    .type(MediaType.APPLICATION_JSON_TYPE).entity(ErrorBody.of("Too many requests")).build());
        }
    }

    private static final class Bucket {
        private double tokens;
        private long updated = System.nanoTime();

        Bucket(double tokens) {
            this.tokens = tokens;
        }

        /** Takes a token; returns 0 when there was one, else the seconds until there will be. */
        synchronized long take(double perSecond, double burst, long now) {
            tokens = Math.min(burst, tokens + (now - updated) / 1e9 * perSecond);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }
    }
}
