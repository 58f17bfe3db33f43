package ai.zelto.domain.shared;

import java.util.Optional;
import java.util.UUID;

/** Parsing of ids that arrive as text (paths, query parameters, payloads). */
public final class Uuids {
    private static final int CANONICAL_LENGTH = 36;

    private Uuids() {
    }

    /**
     * The UUID in canonical form ({@code 8-4-4-4-12} hex digits), or empty for anything else: callers decide what
     * an unparsable id means (usually "not found").
     */
    public static Optional<UUID> tryParse(String text) {
        if (text == null || text.length() != CANONICAL_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
