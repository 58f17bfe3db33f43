package ai.zelto.adapters.persistence;

import ai.zelto.application.port.out.Attachment;
import ai.zelto.application.port.out.DeliveryQueue;
import ai.zelto.application.port.out.DeliveryRepository;
import ai.zelto.application.port.out.NewDelivery;
import ai.zelto.application.port.out.PendingDelivery;
import ai.zelto.application.readmodel.DeliveryPage;
import ai.zelto.application.readmodel.DeliveryQuery;
import ai.zelto.application.readmodel.DeliveryView;
import ai.zelto.application.readmodel.PageCursor;
import ai.zelto.application.spi.provider.DeliveryContext;
import ai.zelto.application.spi.provider.RawDelivery;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.delivery.DeliveryId;
import ai.zelto.domain.delivery.DeliveryStatus;
import ai.zelto.domain.organization.OrganizationId;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The deliveries table, both as the inbox the webhook writes to and as the worker's queue.
 */
final class JdbiDeliveryRepository implements DeliveryRepository, DeliveryQueue {
    /**
     * Threads committing batches: while one waits for its commit to reach the disk, the other gathers and
     * sends the next batch.
     */
    private static final int COMMITTERS = 2;
    private static final int MAX_BATCH = 256;
    private static final String INSERT = """
            INSERT INTO deliveries (id, organization_id, provider, received_at, body, headers, channel, external_id,
                                    status, reason, processed_at, attachment)
            VALUES (:id, :organizationId, :provider, :receivedAt, :body, CAST(:headers AS jsonb), :channel,
                    :externalId, :status, :reason, :processedAt, CAST(:attachment AS jsonb))
            """;

    private final Handles handles;
    private final Clock clock;
    private final GroupCommit<NewDelivery> groupCommit;

    JdbiDeliveryRepository(Handles handles, Clock clock) {
        this.handles = handles;
        this.clock = clock;
        this.groupCommit = new GroupCommit<>("delivery-commit", COMMITTERS, MAX_BATCH,
                batch -> handles.inTransaction(() -> {
                    insert(batch);
                    return null;
                }),
                one -> handles.inTransaction(() -> {
                    insert(List.of(one));
                    return null;
                }));
    }

    /**
     * Stores a delivery, committed when this returns. Inside a caller's transaction it joins it; otherwise it is
     * committed together with the deliveries other request threads store at the same time ({@link GroupCommit}).
     */
    @Override
    public void store(NewDelivery delivery) {
        if (handles.transactionHandle() != null) {
            insert(List.of(delivery));
        } else {
            groupCommit.write(delivery);
        }
    }

    private void insert(List<NewDelivery> batch) {
        handles.with(handle -> {
            PreparedBatch insert = handle.prepareBatch(INSERT);
            for (NewDelivery delivery : batch) {
                RawDelivery raw = delivery.raw();
                insert.bind("id", delivery.id().value())
                        .bind("organizationId", delivery.organizationId().value())
                        .bind("provider", delivery.provider())
                        .bind("receivedAt", delivery.receivedAt())
                        .bind("body", raw.body())
                        .bind("headers", JsonColumns.object(raw.headers()))
                        .bind("channel", delivery.channel().name().toLowerCase(java.util.Locale.ROOT))
                        .bind("externalId", delivery.externalId())
                        .bind("status", delivery.status().wireName())
                        .bind("reason", delivery.reason())
                        .bindByType("processedAt",
                                delivery.status() == DeliveryStatus.PENDING ? null : delivery.receivedAt(), Instant.class)
                        .bind("attachment", attachment(delivery.attachment()))
                        .add();
            }
            insert.execute();
            return null;
        });
    }

    @Override
    public Optional<DeliveryView> find(OrganizationId organizationId, DeliveryId id) {
        return handles.dao(DeliveryDao.class, d -> d.find(organizationId.value(), id.value()));
    }

    @Override
    public DeliveryPage list(DeliveryQuery query) {
        StringBuilder sql = new StringBuilder("SELECT id, provider, received_at, status, reason, conversation_id"
                + " FROM deliveries WHERE organization_id = :org");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("org", query.organizationId().value());
        if (query.status() != null) {
            sql.append(" AND status = :status");
            params.put("status", query.status().wireName());
        }
        if (query.provider() != null) {
            sql.append(" AND provider = :provider");
            params.put("provider", query.provider());
        }
        if (query.conversationId() != null) {
            sql.append(" AND conversation_id = :conversationId");
            params.put("conversationId", query.conversationId().value());
        }
        if (query.after() != null) {
            sql.append(" AND (received_at, id) < (:afterAt, :afterId)");
            params.put("afterAt", query.after().sortAt());
            params.put("afterId", query.after().id());
        }
        sql.append(" ORDER BY received_at DESC, id DESC LIMIT :limit");
        params.put("limit", query.limit() + 1);
        List<DeliveryView> rows = handles.with(handle -> handle.createQuery(sql.toString()).bindMap(params)
                .map(new DeliveryDao.ViewMapper()).list());
        boolean more = rows.size() > query.limit();
        List<DeliveryView> page = more ? rows.subList(0, query.limit()) : rows;
        DeliveryView last = more ? page.get(page.size() - 1) : null;
        return new DeliveryPage(page, last == null ? null : new PageCursor(last.receivedAt(), last.id().value()));
    }

    @Override
    public long pendingCount() {
        return handles.dao(DeliveryDao.class, d -> d.pendingCount());
    }

    @Override
    public long pendingCountUpTo(long cap) {
        return handles.dao(DeliveryDao.class, d -> d.pendingCountUpTo(cap));
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
    public java.util.Set<CallKey> tryLockCalls(java.util.Collection<CallKey> calls) {
        if (calls.isEmpty()) {
            return java.util.Set.of();
        }
        String[] orgs = calls.stream().map(call -> call.organizationId().toString()).toArray(String[]::new);
        String[] ids = calls.stream().map(CallKey::externalId).toArray(String[]::new);
        return handles.dao(DeliveryDao.class, d -> d.tryLockCalls(orgs, ids)).stream()
                .map(key -> new CallKey(new OrganizationId(java.util.UUID.fromString(key.substring(0, 36))),
                        key.substring(37)))
                .collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public java.util.Set<DeliveryId> heldBackByOthers(List<PendingDelivery> batch) {
        if (batch.isEmpty()) {
            return java.util.Set.of();
        }
        java.util.UUID[] ids = batch.stream().map(delivery -> delivery.id().value()).toArray(java.util.UUID[]::new);
        return handles.dao(DeliveryDao.class, d -> d.heldBackByOthers(ids)).stream().map(DeliveryId::new)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public void finish(DeliveryId id, DeliveryStatus status, String reason, ConversationId conversationId) {
        finishAll(List.of(new Finished(id, status, reason, conversationId)));
    }

    @Override
    public void finishAll(List<Finished> finished) {
        if (finished.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        handles.use(DeliveryDao.class, d -> d.finishAll(
                finished.stream().map(f -> f.id().value()).toList(),
                finished.stream().map(f -> f.status().wireName()).toList(),
                finished.stream().map(Finished::reason).toList(),
                finished.stream().map(f -> f.conversationId() == null ? null : f.conversationId().value()).toList(),
                now));
    }
}
