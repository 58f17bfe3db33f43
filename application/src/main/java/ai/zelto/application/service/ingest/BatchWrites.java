package ai.zelto.application.service.ingest;

import ai.zelto.application.port.out.ConversationRepository;
import ai.zelto.application.port.out.CreditLedger;
import ai.zelto.application.port.out.DeliveryQueue;
import ai.zelto.application.port.out.DeliveryQueue.CallKey;
import ai.zelto.application.port.out.PendingDelivery;
import ai.zelto.domain.conversation.Conversation;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.delivery.DeliveryStatus;
import ai.zelto.domain.shared.DomainException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A batch's writes and the conversations of its calls as they stand so far. Run carefully ({@code
 * immediate}), each write is sent at once, inside the delivery's savepoint; otherwise the writes wait for
 * {@link #flushAtBatchEnd} (or a {@link #flush} when a recording must refer to a conversation's row), and a
 * failure there reruns the batch carefully.
 */
final class BatchWrites {
    private final boolean immediate;
    private final ConversationRepository conversations;
    private final CreditLedger credits;
    private final DeliveryQueue queue;
    /** Each call's conversation as committed or as this batch has left it; a call without one is absent. */
    private final Map<CallKey, Conversation> conversationsByCall;
    private final Map<ConversationId, Conversation> conversationsToSave = new LinkedHashMap<>();
    private final List<CreditLedger.Charge> charges = new ArrayList<>();
    private final List<DeliveryQueue.Finished> outcomes = new ArrayList<>();

    BatchWrites(boolean immediate, Map<CallKey, Conversation> stored, ConversationRepository conversations,
                CreditLedger credits, DeliveryQueue queue) {
        this.immediate = immediate;
        this.conversationsByCall = stored;
        this.conversations = conversations;
        this.credits = credits;
        this.queue = queue;
    }

    boolean immediate() {
        return immediate;
    }

    Optional<Conversation> conversation(CallKey key) {
        return Optional.ofNullable(conversationsByCall.get(key));
    }

    void save(Conversation conversation) {
        if (immediate) {
            conversations.save(conversation);
        } else {
            conversationsToSave.remove(conversation.id());
            conversationsToSave.put(conversation.id(), conversation); // the latest state, in order of change
        }
    }

    /**
     * The delivery went through: later deliveries of the call in this batch build on this state. Not before,
     * so that a delivery rolled back to its savepoint leaves nothing behind.
     */
    void delivered(CallKey key, Conversation conversation) {
        conversationsByCall.put(key, conversation);
    }

    void charge(CreditLedger.Charge charge) {
        if (immediate) {
            credits.charge(charge.organizationId(), charge.conversationId(), charge.amount(), charge.at());
        } else {
            charges.add(charge);
        }
    }

    void finish(PendingDelivery delivery, DeliveryStatus status, String reason, ConversationId conversation) {
        if (immediate) {
            queue.finish(delivery.id(), status, reason, conversation);
        } else {
            outcomes.add(new DeliveryQueue.Finished(delivery.id(), status, reason, conversation));
        }
    }

    void fail(PendingDelivery delivery, String reason) {
        finish(delivery, DeliveryStatus.FAILED, reason, null);
    }

    /** Sends what waits; conversations first, as the other rows refer to them. */
    void flush() {
        conversations.saveAll(conversationsToSave.values());
        conversationsToSave.clear();
        credits.chargeAll(charges);
        charges.clear();
        queue.finishAll(outcomes);
        outcomes.clear();
    }

    /** The batch's last writes; a failure among them reruns the batch carefully, as in {@code processOne}. */
    void flushAtBatchEnd() {
        try {
            flush();
        } catch (DomainException refused) {
            throw new ProcessDeliveriesService.CarefulRetry();
        } catch (RuntimeException unexpected) {
            if (ProcessDeliveriesService.isTransient(unexpected)) {
                throw unexpected;
            }
            throw new ProcessDeliveriesService.CarefulRetry();
        }
    }
}
