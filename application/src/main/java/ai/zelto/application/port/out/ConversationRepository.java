package ai.zelto.application.port.out;

import ai.zelto.application.port.in.conversation.ConversationPage;
import ai.zelto.application.port.in.conversation.ConversationQuery;
import ai.zelto.application.port.in.conversation.ConversationView;
import ai.zelto.domain.conversation.Conversation;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.organization.OrganizationId;
import java.util.Optional;

/** Stored conversations, one per (organization, external id). */
public interface ConversationRepository {
    /** The conversation of a call, read inside the caller's transaction. */
    Optional<Conversation> findByExternalId(OrganizationId organizationId, String externalId);

    /** A conversation by id, whatever its organization (for background jobs, never for API callers). */
    Optional<Conversation> findById(ConversationId id);

    /** Inserts a new conversation or replaces the stored one with the same id. */
    void save(Conversation conversation);

    Optional<ConversationView> find(OrganizationId organizationId, ConversationId id);

    ConversationPage list(ConversationQuery query);
}
