package ai.zelto.application.readmodel;

import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.phone.PhoneCall;

/**
 * A phone call with its agent's display name and its conversation, once the worker forwarded the transcript.
 *
 * @param agentName null when the call has no agent (a call refused for want of one)
 * @param conversationId null until then
 */
public record PhoneCallView(PhoneCall call, String agentName, ConversationId conversationId) {
}
