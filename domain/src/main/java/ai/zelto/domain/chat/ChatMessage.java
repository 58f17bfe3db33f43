package ai.zelto.domain.chat;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** One message of a chat session: what the person wrote, or what the agent answered. */
public record ChatMessage(Role role, String text, Instant createdAt) {
    /** Who wrote it, named as chat-completions APIs and transcripts name them. */
    public enum Role {
        USER, ASSISTANT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Role parse(String stored) {
            return valueOf(stored.toUpperCase(Locale.ROOT));
        }
    }

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
