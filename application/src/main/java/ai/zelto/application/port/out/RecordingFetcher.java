package ai.zelto.application.port.out;

import ai.zelto.domain.recording.AudioFormat;
import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * Downloads a recording from a URL a caller supplied, safely: only http(s), never to internal addresses, bounded
 * in size and time, and only when the bytes are audio.
 */
public interface RecordingFetcher {
    /**
     * A downloaded recording in a temporary file the caller deletes.
     *
     * @param durationSeconds when the format tells it cheaply (WAV), else null
     */
    record Fetched(Path file, AudioFormat format, long bytes, String sha256, BigDecimal durationSeconds) {
    }

    Fetched fetch(String url) throws FetchException;

    /** Why a download failed, and whether trying again later may help. */
    final class FetchException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean retryable;

        public FetchException(String reason, boolean retryable) {
            super(reason);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }
}
