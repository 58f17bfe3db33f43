package ai.zelto.application.port.out;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An audio file that came with a delivery (an audio-only upload), already stored in the blob store.
 *
 * @param durationSeconds when the format tells it cheaply (WAV), else null
 */
public record Attachment(String blobKey, String contentType, long bytes, String sha256, BigDecimal durationSeconds) {
    public Attachment {
        Objects.requireNonNull(blobKey, "blobKey");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(sha256, "sha256");
    }
}
