package ai.zelto.application.port.out;

import ai.zelto.application.readmodel.ConversationPage;
import ai.zelto.application.readmodel.ConversationQuery;
import ai.zelto.application.readmodel.ConversationView;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.organization.OrganizationId;
import java.util.Optional;

/** The read side of conversations: views for the API, always scoped to the caller's organization. */
public interface ConversationQueries {
    /** A conversation with its turns, agent and recording; empty when it is not the organization's. */
    Optional<ConversationView> find(OrganizationId organizationId, ConversationId id);

    /** A page of the organization's conversations, newest first, filtered as the query asks. */
    ConversationPage list(ConversationQuery query);
}
