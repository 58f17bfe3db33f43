package ai.zelto.application.port.in.conversation;

import ai.zelto.domain.agent.Agent;
import ai.zelto.domain.conversation.Conversation;

/** A conversation with the agent it belongs to, as the read API shows it. */
public record ConversationView(Conversation conversation, Agent agent) {
}
