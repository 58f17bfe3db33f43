package ai.zelto.domain.conversation;

import ai.zelto.domain.shared.Uuids;
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
        return Uuids.tryParse(text).map(ConversationId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
