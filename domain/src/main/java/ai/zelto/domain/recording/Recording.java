package ai.zelto.domain.recording;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A conversation's recording: where it came from and Zelto's copy of it.
 *
 * @param sourceUrl       the URL the provider gave, or null for an uploaded file
 * @param blobKey         where the copy is stored, when stored
 * @param sha256          hex SHA-256 of the stored bytes (the playback ETag), when stored
 * @param durationSeconds the audio's length when the format tells it cheaply (WAV), else null
 */
public record Recording(String sourceUrl, RecordingStatus status, String reason, String contentType, Long bytes,
                        BigDecimal durationSeconds, String blobKey, String sha256) {
    public Recording {
        Objects.requireNonNull(status, "status");
    }

    public static Recording pending(String sourceUrl) {
        return new Recording(sourceUrl, RecordingStatus.PENDING, null, null, null, null, null, null);
    }
}
