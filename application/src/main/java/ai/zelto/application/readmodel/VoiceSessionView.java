package ai.zelto.application.readmodel;

import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.voice.VoiceSession;

/**
 * A voice session with its agent's display name and its conversation, once the worker forwarded the transcript
 * (or a recording arrived).
 *
 * @param conversationId null until then
 */
public record VoiceSessionView(VoiceSession session, String agentName, ConversationId conversationId) {
}
