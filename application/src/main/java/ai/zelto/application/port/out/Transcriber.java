package ai.zelto.application.port.out;

import ai.zelto.domain.recording.AudioFormat;
import java.nio.file.Path;
import java.util.List;

/** Turns audio into timed text. */
public interface Transcriber {
    /** One stretch of speech. */
    record Segment(String text, Double startSeconds, Double endSeconds) {
    }

    List<Segment> transcribe(Path audio, AudioFormat format) throws TranscriptionException;

    /** Why transcription failed, and whether trying again later may help. */
    final class TranscriptionException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean retryable;

        public TranscriptionException(String reason, boolean retryable) {
            super(reason);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }
}
