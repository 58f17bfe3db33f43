package ai.zelto.application.spi.provider;

import java.util.Objects;

/**
 * One transcript turn.
 *
 * @param startSeconds seconds from the start of the call, or {@code null} (text chats)
 * @param endSeconds   seconds from the start of the call, or {@code null}
 */
public record CanonicalTurn(Speaker speaker, String text, Double startSeconds, Double endSeconds) {
    public CanonicalTurn {
        Objects.requireNonNull(speaker, "speaker");
    }

    /** Who spoke. */
    public enum Speaker {
        USER, ASSISTANT, SYSTEM, TOOL
    }
}
