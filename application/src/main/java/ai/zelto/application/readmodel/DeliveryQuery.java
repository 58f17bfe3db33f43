package ai.zelto.application.readmodel;

import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.delivery.DeliveryStatus;
import ai.zelto.domain.organization.OrganizationId;
import java.util.Objects;

/**
 * A page of an org's deliveries, newest received first; every filter is optional (null).
 *
 * @param after the position after which the page starts (from a cursor), or null for the first page
 */
public record DeliveryQuery(OrganizationId organizationId, DeliveryStatus status, String provider,
                            ConversationId conversationId, int limit, PageCursor after) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public DeliveryQuery {
        Objects.requireNonNull(organizationId, "organizationId");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit is 1.." + MAX_LIMIT);
        }
    }
}
