package ai.zelto.application.readmodel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * A position in the newest-first order: the sort time and id of the last conversation of a page. Its text
 * form is opaque to clients.
 */
public record PageCursor(Instant sortAt, UUID id) {
    public String encode() {
        String plain = sortAt.getEpochSecond() + ":" + sortAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor made by {@link #encode()}; empty for anything else. */
    public static Optional<PageCursor> decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = plain.split(":", 3);
            if (parts.length != 3) {
                return Optional.empty();
            }
            Instant sortAt = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            return Optional.of(new PageCursor(sortAt, UUID.fromString(parts[2])));
        } catch (IllegalArgumentException | java.time.DateTimeException malformed) {
            return Optional.empty();
        }
    }
}
