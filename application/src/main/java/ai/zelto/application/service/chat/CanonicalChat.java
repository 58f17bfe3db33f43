package ai.zelto.application.service.chat;

import ai.zelto.application.text.JsonText;
import ai.zelto.domain.chat.ChatMessage;
import ai.zelto.domain.chat.ChatSession;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The canonical upload body an ended chat session becomes (CONTRACT §2), written as JSON text. */
final class CanonicalChat {
    private CanonicalChat() {
    }

    /**
     * {@code call.externalId} = the session id, its start and end, the duration in seconds, the ended reason
     * ({@code user-ended} or {@code idle-timeout}); {@code agentId}; the agent's system prompt; each message a
     * turn with its seconds from the start; the session's metadata (whose {@code channel} is {@code "chat"}).
     */
    static String body(ChatSession session, String systemPrompt, List<ChatMessage> messages) {
        StringBuilder body = new StringBuilder(256 + messages.stream().mapToInt(m -> m.text().length() + 64).sum());
        body.append("{\"call\":{\"externalId\":").append(JsonText.quote(session.id().toString()))
                .append(",\"startedAt\":").append(JsonText.quote(session.createdAt().toString()));
        if (session.endedAt() != null) {
            double seconds = Duration.between(session.createdAt(), session.endedAt()).toMillis() / 1000.0;
            body.append(",\"endedAt\":").append(JsonText.quote(session.endedAt().toString()))
                    .append(",\"durationSeconds\":").append(format(Math.max(0, seconds)))
                    .append(",\"endedReason\":")
                    .append(JsonText.quote("idle".equals(session.endedReason()) ? "idle-timeout" : "user-ended"));
        }
        body.append("},\"agentId\":").append(JsonText.quote(session.agentId().toString()));
        if (systemPrompt != null && !systemPrompt.isBlank()) {
            body.append(",\"systemPrompt\":").append(JsonText.quote(systemPrompt));
        }
        body.append(",\"transcript\":{\"turns\":[");
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            double at = Math.max(0, Duration.between(session.createdAt(), message.createdAt()).toMillis() / 1000.0);
            body.append(i == 0 ? "" : ",").append("{\"role\":").append(JsonText.quote(message.role().wireName()))
                    .append(",\"text\":").append(JsonText.quote(message.text()))
                    .append(",\"startSeconds\":").append(format(at)).append('}');
        }
        return body.append("]},\"metadata\":").append(session.metadata()).append('}').toString();
    }

    private static String format(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }
}
