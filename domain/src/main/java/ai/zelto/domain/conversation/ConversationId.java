package ai.zelto.domain.conversation;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies one Conversation. */
public record ConversationId(UUID value) {
    public ConversationId {
        Objects.requireNonNull(value, "value");
    }

    public static ConversationId newId() {
        return new ConversationId(UUID.randomUUID());
    }

    /** Parses a canonical UUID, or returns empty for anything else (callers decide what that means). */
    public static Optional<ConversationId> tryParse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ConversationId(UUID.fromString(text)));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
