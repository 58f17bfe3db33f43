package ai.zelto.application.readmodel;

import ai.zelto.domain.conversation.ConversationId;
import java.time.Instant;

/**
 * One line of an organization's credit ledger.
 *
 * @param kind           {@code grant} or {@code charge}
 * @param conversationId the call a charge is for; null for grants
 * @param callExternalId that call's external id, for people to recognise it; null for grants
 * @param at             when it was last set (a charge is adjusted when its call is re-posted)
 */
public record CreditEntry(String kind, long amount, ConversationId conversationId, String callExternalId,
                          String reason, Instant at) {
}
