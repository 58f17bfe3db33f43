package ai.zelto.domain.apikey;

import ai.zelto.domain.shared.Uuids;
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
        return Uuids.tryParse(text).map(ApiKeyId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
