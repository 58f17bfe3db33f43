package ai.zelto.domain.agent;

import ai.zelto.domain.shared.Uuids;
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
        return Uuids.tryParse(text).map(AgentId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
