package ai.zelto.application.port.out;

import ai.zelto.application.readmodel.ConversationPage;
import ai.zelto.application.readmodel.ConversationQuery;
import ai.zelto.application.readmodel.ConversationView;
import ai.zelto.application.readmodel.SearchHit;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.organization.OrganizationId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The read side of conversations: views for the API, always scoped to the caller's organization. */
public interface ConversationQueries {
    /** A conversation with its turns, agent and recording; empty when it is not the organization's. */
    Optional<ConversationView> find(OrganizationId organizationId, ConversationId id);

    /** A page of the organization's conversations, newest first, filtered as the query asks. */
    ConversationPage list(ConversationQuery query);

    /**
     * The turns of one conversation that hold any of the searched words, by zero-based index, each split into
     * plain and matched fragments; empty for a blank search or a conversation not the organization's.
     */
    Map<Integer, List<SearchHit.Fragment>> highlight(OrganizationId organizationId, ConversationId id, String text);
}
