package ai.zelto.domain.chat;

import ai.zelto.domain.shared.Uuids;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies one chat session; it is also the external id of the conversation the session becomes. */
public record ChatSessionId(UUID value) {
    public ChatSessionId {
        Objects.requireNonNull(value, "value");
    }

    public static ChatSessionId newId() {
        return new ChatSessionId(UUID.randomUUID());
    }

    /** Parses a canonical UUID, or returns empty for anything else. */
    public static Optional<ChatSessionId> tryParse(String text) {
        return Uuids.tryParse(text).map(ChatSessionId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
