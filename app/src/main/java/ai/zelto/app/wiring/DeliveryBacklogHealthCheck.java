package ai.zelto.app.wiring;

import ai.zelto.application.port.out.DeliveryRepository;
import com.codahale.metrics.health.HealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Unhealthy when deliveries wait longer than they should: the workers are stuck or cannot keep up. */
final class DeliveryBacklogHealthCheck extends HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryBacklogHealthCheck.class);
    private final DeliveryRepository deliveries;
    private final long maxAgeSeconds;
    private final Clock clock;

    DeliveryBacklogHealthCheck(DeliveryRepository deliveries, long maxAgeSeconds, Clock clock) {
        this.deliveries = deliveries;
        this.maxAgeSeconds = maxAgeSeconds;
        this.clock = clock;
    }

    /**
     * The check's answer is served on the admin port, so a failure to read the backlog is reported in words; the
     * exception, with its SQL and stack, goes to the log only.
     */
    @Override
    protected Result check() {
        try {
            return backlog();
        } catch (RuntimeException e) {
            LOG.warn("the delivery backlog could not be read", e);
            return Result.unhealthy("the delivery backlog cannot be read: the database does not answer (see the log)");
        }
    }

    private Result backlog() {
        long pending = deliveries.pendingCount();
        Optional<Instant> oldest = deliveries.oldestPendingReceivedAt();
        long ageSeconds = oldest.map(at -> Duration.between(at, clock.instant()).toSeconds()).orElse(0L);
        String message = pending + " pending deliveries, the oldest waiting " + ageSeconds + " s";
        return ageSeconds > maxAgeSeconds ? Result.unhealthy(message) : Result.healthy(message);
    }
}
