package ai.zelto.app;

import ai.zelto.application.port.out.DeliveryRepository;
import com.codahale.metrics.health.HealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Unhealthy when deliveries wait longer than they should: the workers are stuck or cannot keep up. */
final class DeliveryBacklogHealthCheck extends HealthCheck {
    private final DeliveryRepository deliveries;
    private final long maxAgeSeconds;
    private final Clock clock;

    DeliveryBacklogHealthCheck(DeliveryRepository deliveries, long maxAgeSeconds, Clock clock) {
        this.deliveries = deliveries;
        this.maxAgeSeconds = maxAgeSeconds;
        this.clock = clock;
    }

    @Override
    protected Result check() {
        long pending = deliveries.pendingCount();
        Optional<Instant> oldest = deliveries.oldestPendingReceivedAt();
        long ageSeconds = oldest.map(at -> Duration.between(at, clock.instant()).toSeconds()).orElse(0L);
        String message = pending + " pending deliveries, the oldest waiting " + ageSeconds + " s";
        return ageSeconds > maxAgeSeconds ? Result.unhealthy(message) : Result.healthy(message);
    }
}
