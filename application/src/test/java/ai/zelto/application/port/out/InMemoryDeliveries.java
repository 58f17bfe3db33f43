package ai.zelto.application.port.out;

import ai.zelto.application.readmodel.DeliveryPage;
import ai.zelto.application.readmodel.DeliveryQuery;
import ai.zelto.application.readmodel.DeliveryView;
import ai.zelto.application.readmodel.PageCursor;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.delivery.DeliveryId;
import ai.zelto.domain.delivery.DeliveryStatus;
import ai.zelto.domain.organization.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Deliveries in memory, in receive order, as {@link DeliveryRepository} and {@link DeliveryQueue}. Another
 * worker is simulated by {@link #claimedElsewhere} (a delivery it holds: not claimable here, still pending) and
 * {@link #lockedElsewhere} (a call whose lock it holds).
 */
public final class InMemoryDeliveries implements DeliveryRepository, DeliveryQueue, InMemoryStore.Part {
    /** A stored delivery and what became of it. */
    public record Row(NewDelivery delivery, DeliveryStatus status, String reason, ConversationId conversationId) {
        boolean pending() {
            return status == DeliveryStatus.PENDING;
        }

        boolean sameCall(PendingDelivery other) {
            return delivery.organizationId().equals(other.organizationId())
                    && other.externalId().equals(delivery.externalId());
        }
    }

    private Map<DeliveryId, Row> rows = new LinkedHashMap<>();
    private final Set<DeliveryId> claimedNow = new HashSet<>();
    private final Set<DeliveryId> claimedElsewhere = new HashSet<>();
    private final Set<CallKey> lockedElsewhere = new HashSet<>();

    public InMemoryDeliveries(InMemoryStore store) {
        store.register(this);
    }

    /** Another worker holds this delivery (its batch claimed it): it stays pending, and is not claimable here. */
    public void claimedElsewhere(DeliveryId id) {
        claimedElsewhere.add(id);
    }

    /** Another worker holds this call's lock. */
    public void lockedElsewhere(CallKey call) {
        lockedElsewhere.add(call);
    }

    /** The other worker is done. */
    public void releasedElsewhere() {
        claimedElsewhere.clear();
        lockedElsewhere.clear();
    }

    public Row row(DeliveryId id) {
        return rows.get(id);
    }

    @Override
    public void store(NewDelivery delivery) {
        if (rows.containsKey(delivery.id())) {
            throw new IllegalStateException("delivery " + delivery.id() + " is stored already");
        }
        rows.put(delivery.id(), new Row(delivery, delivery.status(), delivery.reason(), null));
    }

    @Override
    public Optional<DeliveryView> find(OrganizationId organizationId, DeliveryId id) {
        return Optional.ofNullable(rows.get(id)).filter(row -> row.delivery().organizationId().equals(organizationId))
                .map(row -> new DeliveryView(id, row.delivery().provider(), row.delivery().receivedAt(), row.status(),
                        row.reason(), row.conversationId()));
    }

    @Override
    public DeliveryPage list(DeliveryQuery query) {
        List<DeliveryView> matching = rows.entrySet().stream()
                .filter(entry -> entry.getValue().delivery().organizationId().equals(query.organizationId()))
                .filter(entry -> query.status() == null || entry.getValue().status() == query.status())
                .filter(entry -> query.provider() == null || entry.getValue().delivery().provider().equals(query.provider()))
                .filter(entry -> query.conversationId() == null
                        || query.conversationId().equals(entry.getValue().conversationId()))
                .map(entry -> find(query.organizationId(), entry.getKey()).orElseThrow())
                .sorted(java.util.Comparator.comparing(DeliveryView::receivedAt)
                        .thenComparing(view -> view.id().value()).reversed())
                .filter(view -> query.after() == null || view.receivedAt().isBefore(query.after().sortAt())
                        || view.receivedAt().equals(query.after().sortAt())
                        && view.id().value().compareTo(query.after().id()) < 0)
                .toList();
        boolean more = matching.size() > query.limit();
        List<DeliveryView> page = more ? matching.subList(0, query.limit()) : matching;
        DeliveryView last = more ? page.get(page.size() - 1) : null;
        return new DeliveryPage(page, last == null ? null : new PageCursor(last.receivedAt(), last.id().value()));
    }

    @Override
    public long pendingCount() {
        return rows.values().stream().filter(Row::pending).count();
    }

    @Override
    public long pendingCountUpTo(long cap) {
        return Math.min(cap, pendingCount());
    }

    @Override
    public Optional<Instant> oldestPendingReceivedAt() {
        return rows.values().stream().filter(Row::pending).map(row -> row.delivery().receivedAt())
                .min(Instant::compareTo);
    }

    @Override
    public List<PendingDelivery> claim(int max, long maxBytes) {
        List<PendingDelivery> claimed = new ArrayList<>();
        long before = 0;
        for (Row row : rows.values()) {
            DeliveryId id = row.delivery().id();
            if (claimed.size() == max || before >= maxBytes) {
                break;
            }
            if (!row.pending() || claimedNow.contains(id) || claimedElsewhere.contains(id)) {
                continue;
            }
            NewDelivery d = row.delivery();
            claimed.add(new PendingDelivery(id, d.organizationId(), d.provider(), d.receivedAt(), d.raw(),
                    d.channel(), d.externalId(), d.attachment()));
            claimedNow.add(id);
            before += d.raw().bodyLength();
        }
        return claimed;
    }

    @Override
    public void lockCall(OrganizationId organizationId, String externalId) {
        if (lockedElsewhere.contains(new CallKey(organizationId, externalId))) {
            throw new IllegalStateException("a single-threaded fake cannot wait for another worker's lock");
        }
    }

    @Override
    public Set<CallKey> tryLockCalls(Collection<CallKey> calls) {
        Set<CallKey> locked = new LinkedHashSet<>(calls);
        locked.removeAll(lockedElsewhere);
        return locked;
    }

    @Override
    public Set<DeliveryId> heldBackByOthers(List<PendingDelivery> batch) {
        Set<DeliveryId> ours = new HashSet<>();
        batch.forEach(delivery -> ours.add(delivery.id()));
        Set<DeliveryId> heldBack = new HashSet<>();
        for (PendingDelivery delivery : batch) {
            for (Row earlier : rows.values()) {
                if (earlier.delivery().id().equals(delivery.id())) {
                    break;
                }
                if (earlier.pending() && earlier.sameCall(delivery) && !ours.contains(earlier.delivery().id())) {
                    heldBack.add(delivery.id());
                    break;
                }
            }
        }
        return heldBack;
    }

    @Override
    public void finish(DeliveryId id, DeliveryStatus status, String reason, ConversationId conversationId) {
        Row row = rows.get(id);
        if (row == null) {
            throw new IllegalStateException("no delivery " + id);
        }
        rows.put(id, new Row(row.delivery(), status, reason, conversationId));
    }

    @Override
    public void finishAll(List<Finished> finished) {
        finished.forEach(f -> finish(f.id(), f.status(), f.reason(), f.conversationId()));
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(rows);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        rows = new LinkedHashMap<>((Map<DeliveryId, Row>) snapshot);
    }

    @Override
    public void transactionEnded() {
        claimedNow.clear();
    }
}
