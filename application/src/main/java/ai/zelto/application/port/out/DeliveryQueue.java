package ai.zelto.application.port.out;

import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.delivery.DeliveryId;
import ai.zelto.domain.delivery.DeliveryStatus;
import ai.zelto.domain.organization.OrganizationId;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The worker's view of pending deliveries. All methods run inside the caller's transaction.
 *
 * <p>Receive order is a total order in which a delivery committed later never sorts before one that could
 * already be claimed, so processing in that order per call equals applying deliveries in the order their
 * acknowledgements became possible.
 */
public interface DeliveryQueue {
    /**
     * Claims up to {@code max} pending deliveries in receive order, skipping those other workers hold, and only
     * among deliveries no still-running transaction can precede. The batch stops growing once its bodies total
     * {@code maxBytes} or more; it holds at least one delivery when any can be claimed.
     */
    List<PendingDelivery> claim(int max, long maxBytes);

    /** Takes the per-call lock for the rest of the transaction, waiting for it if need be. */
    void lockCall(OrganizationId organizationId, String externalId);

    /**
     * Takes the per-call locks of these calls for the rest of the transaction, without waiting: one round trip
     * for a whole batch.
     *
     * @return the calls locked; the others are held by other workers
     */
    Set<CallKey> tryLockCalls(Collection<CallKey> calls);

    /**
     * The deliveries of {@code batch} that a pending delivery outside the batch precedes in receive order (one
     * another worker holds). Only ever shrinks as time passes: a delivery committed later sorts after these.
     */
    Set<DeliveryId> heldBackByOthers(List<PendingDelivery> batch);

    /** A call: the unit of ordering and of the per-call lock. */
    record CallKey(OrganizationId organizationId, String externalId) {
    }

    void finish(DeliveryId id, DeliveryStatus status, String reason, ConversationId conversationId);

    /** {@link #finish} for each, in one round trip. */
    void finishAll(List<Finished> finished);

    /** One {@link #finish}. */
    record Finished(DeliveryId id, DeliveryStatus status, String reason, ConversationId conversationId) {
    }
}
