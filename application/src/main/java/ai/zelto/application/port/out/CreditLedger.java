package ai.zelto.application.port.out;

import ai.zelto.application.readmodel.CreditBalance;
import ai.zelto.application.readmodel.CreditEntry;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.credit.Credits;
import ai.zelto.domain.organization.OrganizationId;
import java.time.Instant;
import java.util.List;

/** Grants and charges of credits. A conversation has at most one charge. */
public interface CreditLedger {
    void grant(OrganizationId organizationId, Credits amount, String reason, Instant at);

    /** Sets the conversation's single charge: creates it, or adjusts the existing one to this amount. */
    void charge(OrganizationId organizationId, ConversationId conversationId, Credits amount, Instant at);

    /** {@link #charge} for each, in this order, in one round trip. */
    void chargeAll(List<Charge> charges);

    /** One {@link #charge}. */
    record Charge(OrganizationId organizationId, ConversationId conversationId, Credits amount, Instant at) {
    }

    CreditBalance balance(OrganizationId organizationId);

    /** The latest grants and charges, newest first. */
    List<CreditEntry> entries(OrganizationId organizationId, int limit);
}
