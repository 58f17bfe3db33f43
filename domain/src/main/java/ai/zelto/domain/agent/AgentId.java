package ai.zelto.domain.agent;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies one Agent. */
public record AgentId(UUID value) {
    public AgentId {
        Objects.requireNonNull(value, "value");
    }

    public static AgentId newId() {
        return new AgentId(UUID.randomUUID());
    }

    /** Parses a canonical UUID, or returns empty for anything else (callers decide what that means). */
    public static Optional<AgentId> tryParse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AgentId(UUID.fromString(text)));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
