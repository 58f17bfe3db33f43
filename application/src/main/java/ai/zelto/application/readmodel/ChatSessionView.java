package ai.zelto.application.readmodel;

import ai.zelto.domain.chat.ChatMessage;
import ai.zelto.domain.chat.ChatSession;
import java.util.List;

/** A chat session as callers read it: its facts, its agent's name, and its messages so far, oldest first. */
public record ChatSessionView(ChatSession session, String agentName, List<ChatMessage> messages) {
    public ChatSessionView {
        messages = List.copyOf(messages);
    }
}
