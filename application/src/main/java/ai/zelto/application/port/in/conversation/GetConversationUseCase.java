package ai.zelto.application.port.in.conversation;

import ai.zelto.application.readmodel.ConversationView;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.organization.OrganizationId;
import java.util.Optional;

/** One conversation of the organization; empty for an id of another org or of none. */
public interface GetConversationUseCase {
    Optional<ConversationView> getConversation(OrganizationId organizationId, ConversationId id);
}
