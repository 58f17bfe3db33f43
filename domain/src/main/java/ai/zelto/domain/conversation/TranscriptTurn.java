package ai.zelto.domain.conversation;

import java.util.Objects;

/**
 * One turn of a transcript. Times are seconds from the start of the call and are absent for text chats.
 */
public record TranscriptTurn(Role role, String text, Double startSeconds, Double endSeconds) {
    public TranscriptTurn {
        Objects.requireNonNull(role, "role");
        text = text == null ? "" : text;
        requireTime(startSeconds, "startSeconds");
        requireTime(endSeconds, "endSeconds");
    }

    private static void requireTime(Double seconds, String name) {
        if (seconds != null && (seconds.isNaN() || seconds.isInfinite() || seconds < 0)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0");
        }
    }
}
