package ai.zelto.application.readmodel;

import ai.zelto.domain.agent.Agent;
import ai.zelto.domain.conversation.Conversation;
import ai.zelto.domain.recording.Recording;

/**
 * A conversation with the agent it belongs to and the state of its recording copy, as the read API shows it.
 *
 * @param recording null when the conversation never had a recording
 */
public record ConversationView(Conversation conversation, Agent agent, Recording recording) {
}
