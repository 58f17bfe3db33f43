package ai.zelto.application.port.out;

import ai.zelto.application.readmodel.DeliveryPage;
import ai.zelto.application.readmodel.DeliveryQuery;
import ai.zelto.application.readmodel.DeliveryView;
import ai.zelto.domain.delivery.DeliveryId;
import ai.zelto.domain.organization.OrganizationId;
import java.time.Instant;
import java.util.Optional;

/** The inbox of received deliveries. */
public interface DeliveryRepository {
    /** Stores the delivery; when this returns, it is committed. */
    void store(NewDelivery delivery);

    Optional<DeliveryView> find(OrganizationId organizationId, DeliveryId id);

    /** A page of the organization's deliveries, newest received first, filtered as the query asks. */
    DeliveryPage list(DeliveryQuery query);

    /** How many deliveries wait for the worker, across all organizations. */
    long pendingCount();

    /** {@link #pendingCount()}, counting no further than {@code cap} (the answer is then {@code cap}). */
    long pendingCountUpTo(long cap);

    /** When the oldest delivery still waiting for the worker was received, if any waits. */
    Optional<Instant> oldestPendingReceivedAt();
}
