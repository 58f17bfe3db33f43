package ai.zelto.domain.apikey;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies one ApiKey. */
public record ApiKeyId(UUID value) {
    public ApiKeyId {
        Objects.requireNonNull(value, "value");
    }

    public static ApiKeyId newId() {
        return new ApiKeyId(UUID.randomUUID());
    }

    /** Parses a canonical UUID, or returns empty for anything else (callers decide what that means). */
    public static Optional<ApiKeyId> tryParse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ApiKeyId(UUID.fromString(text)));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
