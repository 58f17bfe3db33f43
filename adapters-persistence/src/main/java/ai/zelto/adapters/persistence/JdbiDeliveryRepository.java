package ai.zelto.adapters.persistence;

import ai.zelto.application.port.in.delivery.DeliveryView;
import ai.zelto.application.port.out.Attachment;
import ai.zelto.application.port.out.DeliveryQueue;
import ai.zelto.application.port.out.DeliveryRepository;
import ai.zelto.application.port.out.NewDelivery;
import ai.zelto.application.port.out.PendingDelivery;
import ai.zelto.application.spi.provider.DeliveryContext;
import ai.zelto.application.spi.provider.RawDelivery;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.delivery.DeliveryId;
import ai.zelto.domain.delivery.DeliveryStatus;
import ai.zelto.domain.organization.OrganizationId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The deliveries table, both as the inbox the webhook writes to and as the worker's queue.
 */
final class JdbiDeliveryRepository implements DeliveryRepository, DeliveryQueue {
    private final Handles handles;
    private final Clock clock;

    JdbiDeliveryRepository(Handles handles, Clock clock) {
        this.handles = handles;
        this.clock = clock;
    }

    @Override
    public void store(NewDelivery delivery) {
        RawDelivery raw = delivery.raw();
        handles.use(DeliveryDao.class, d -> d.insert(delivery.id().value(), delivery.organizationId().value(), delivery.provider(),
                delivery.receivedAt(), raw.body(), JsonColumns.object(raw.headers()),
                delivery.channel().name().toLowerCase(java.util.Locale.ROOT), delivery.externalId(),
                delivery.status().wireName(), delivery.reason(),
                delivery.status() == DeliveryStatus.PENDING ? null : delivery.receivedAt(),
                attachment(delivery.attachment())));
    }

    @Override
    public Optional<DeliveryView> find(OrganizationId organizationId, DeliveryId id) {
        return handles.dao(DeliveryDao.class, d -> d.find(organizationId.value(), id.value()));
    }

    @Override
    public long pendingCount() {
        return handles.dao(DeliveryDao.class, d -> d.pendingCount());
    }

    @Override
    public Optional<Instant> oldestPendingReceivedAt() {
        return handles.dao(DeliveryDao.class, d -> d.oldestPendingReceivedAt());
    }

    @Override
    public List<PendingDelivery> claim(int max, long maxBytes) {
        return handles.dao(DeliveryDao.class, d -> d.claim(max, maxBytes).stream().map(row -> {
            return new PendingDelivery(new DeliveryId(row.id()), new OrganizationId(row.organizationId()), row.provider(),
                    row.receivedAt(), new RawDelivery(row.body(), JsonColumns.headers(row.headers())),
                    DeliveryContext.Channel.valueOf(row.channel().toUpperCase(java.util.Locale.ROOT)),
                    row.externalId(), attachment(row.attachment()));
        }).toList());
    }

    @Override
    public void lockCall(OrganizationId organizationId, String externalId) {
        handles.dao(DeliveryDao.class, d -> d.lockCall(organizationId.toString(), externalId));
    }

    private static String attachment(Attachment attachment) {
        if (attachment == null) {
            return null;
        }
        java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("blobKey", attachment.blobKey());
        json.put("contentType", attachment.contentType());
        json.put("bytes", attachment.bytes());
        json.put("sha256", attachment.sha256());
        json.put("durationSeconds", attachment.durationSeconds());
        return JsonColumns.object(json);
    }

    private static Attachment attachment(String json) {
        if (json == null) {
            return null;
        }
        java.util.Map<String, Object> fields = JsonColumns.object(json);
        Object duration = fields.get("durationSeconds");
        return new Attachment((String) fields.get("blobKey"), (String) fields.get("contentType"),
                ((Number) fields.get("bytes")).longValue(), (String) fields.get("sha256"),
                duration == null ? null : new java.math.BigDecimal(duration.toString()));
    }

    @Override
    public boolean tryLockCall(OrganizationId organizationId, String externalId) {
        return handles.dao(DeliveryDao.class, d -> d.tryLockCall(organizationId.toString(), externalId));
    }

    @Override
    public boolean hasEarlierPending(PendingDelivery delivery) {
        return handles.dao(DeliveryDao.class, d -> d.hasEarlierPending(delivery.id().value()));
    }

    @Override
    public void finish(DeliveryId id, DeliveryStatus status, String reason, ConversationId conversationId) {
        handles.use(DeliveryDao.class, d -> d.finish(id.value(), status.wireName(), reason, conversationId == null ? null : conversationId.value(),
                clock.instant()));
    }
}
