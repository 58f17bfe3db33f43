package ai.zelto.application.port.in.chat;

import ai.zelto.application.readmodel.ChatSessionView;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.chat.ChatMessage;
import ai.zelto.domain.chat.ChatSessionId;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.organization.UserId;
import java.util.Optional;
import java.util.function.Consumer;

/** Chat sessions: a person's text conversation with a text agent, run against a chat-completions model. */
public interface ChatSessionsUseCase {
    /**
     * Opens a session. Refuses an agent of another organization (not found), a voice agent or one without
     * architecture, an organization whose balance is not positive, and one with no model configured.
     *
     * @param metadata a JSON object (its {@code channel} already {@code "chat"})
     */
    ChatSessionView create(OrganizationId organizationId, UserId userId, AgentId agentId, String metadata);

    /**
     * Stores the person's message and claims the session for the reply; the reply itself comes from
     * {@link PendingReply#reply}. Refuses a session that is not found, ended, full, or already awaiting a reply,
     * and a message that is empty or too long, before anything is stored.
     */
    PendingReply send(OrganizationId organizationId, ChatSessionId id, String text);

    Optional<ChatSessionView> get(OrganizationId organizationId, ChatSessionId id);

    /** The longest message a person may send, in characters. */
    int maxMessageChars();

    /** Ends the session (ending an ended one changes nothing) and hands it to ingestion as one conversation. */
    ChatSessionView end(OrganizationId organizationId, ChatSessionId id);

    /** A message stored and its session claimed: the model is asked once, by {@link #reply}. */
    interface PendingReply {
        /**
         * Asks the model, stores its reply and frees the session. When the model fails, nothing more is stored
         * (the person's message stays) and the session is freed too.
         *
         * @param pieces the reply's text as the model produces it; null for the whole reply at once
         * @throws ModelUnavailable when the model gave no reply
         */
        ChatMessage reply(Consumer<String> pieces);
    }
}
