package ai.zelto.application.port.in.conversation;

/** Lists an organization's conversations with filters and cursor pagination. */
public interface ListConversationsUseCase {
    ConversationPage listConversations(ConversationQuery query);
}
