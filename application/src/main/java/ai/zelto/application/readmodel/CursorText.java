package ai.zelto.application.readmodel;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque text every list's cursor has: the time and key of the last row of a page (newest-first keyset
 * paging), base64url of {@code seconds:nanos:key}.
 */
public record CursorText(Instant at, String key) {
    public String encode() {
        String plain = at.getEpochSecond() + ":" + at.getNano() + ":" + key;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a text made by {@link #encode()}; empty for anything else. */
    public static Optional<CursorText> decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = plain.split(":", 3);
            if (parts.length != 3 || parts[2].isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new CursorText(Instant.ofEpochSecond(Long.parseLong(parts[0]),
                    Long.parseLong(parts[1])), parts[2]));
        } catch (IllegalArgumentException | DateTimeException malformed) {
            return Optional.empty();
        }
    }
}
