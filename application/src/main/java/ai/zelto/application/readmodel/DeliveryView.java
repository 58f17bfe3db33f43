package ai.zelto.application.readmodel;

import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.delivery.DeliveryId;
import ai.zelto.domain.delivery.DeliveryStatus;
import java.time.Instant;

/** A delivery's processing state as the read API shows it. */
public record DeliveryView(DeliveryId id, String provider, Instant receivedAt, DeliveryStatus status, String reason,
                           ConversationId conversationId) {
}
