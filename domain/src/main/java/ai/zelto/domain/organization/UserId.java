package ai.zelto.domain.organization;

import java.util.Objects;
import java.util.UUID;

/** Identifies a user of an organization; API keys are created by (and act as) a user. */
public record UserId(UUID value) {
    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId newId() {
        return new UserId(UUID.randomUUID());
    }

    public static UserId parse(String text) {
        return new UserId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
