package ai.zelto.application.port.out;

import ai.zelto.domain.conversation.Conversation;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.organization.OrganizationId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Stored conversations, one per (organization, external id): the aggregate as the worker and jobs load and save
 * it. What the API reads is {@link ConversationQueries}.
 */
public interface ConversationRepository {
    /** The conversation of a call, read inside the caller's transaction. */
    Optional<Conversation> findByExternalId(OrganizationId organizationId, String externalId);

    /** A conversation by id, whatever its organization (for background jobs, never for API callers). */
    Optional<Conversation> findById(ConversationId id);

    /**
     * The conversations of these calls of one organization, by external id, read inside the caller's
     * transaction; calls without one are absent.
     */
    Map<String, Conversation> findByExternalIds(OrganizationId organizationId, Collection<String> externalIds);

    /** Inserts a new conversation or replaces the stored one with the same id. */
    void save(Conversation conversation);

    /** {@link #save} for each, in one round trip; each id at most once. */
    void saveAll(Collection<Conversation> conversations);
}
