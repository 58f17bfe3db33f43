package ai.zelto.application.port.in.conversation;

import ai.zelto.application.readmodel.ConversationPage;
import ai.zelto.application.readmodel.ConversationQuery;

/** Lists an organization's conversations with filters and cursor pagination. */
public interface ListConversationsUseCase {
    ConversationPage listConversations(ConversationQuery query);
}
