package ai.zelto.domain.recording;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Recognizes audio by its bytes, not by what a server or client claims: WAV, MP3, OGG (Opus, Vorbis), M4A/MP4
 * audio and WebM. Also reads a WAV file's duration from its header.
 */
public enum AudioFormat {
    WAV("audio/wav"), MP3("audio/mpeg"), OGG("audio/ogg"), M4A("audio/mp4"), WEBM("audio/webm");

    /** How many leading bytes {@link #sniff} needs at most. */
    public static final int SNIFF_BYTES = 64;

    private final String contentType;

    AudioFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /** The format with this content type, if it is one of the supported ones. */
    public static Optional<AudioFormat> fromContentType(String contentType) {
        for (AudioFormat format : values()) {
            if (format.contentType.equals(contentType)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The format the leading bytes show, or empty when they are not one of the supported audio formats. */
    public static Optional<AudioFormat> sniff(byte[] head, int length) {
        if (length >= 12 && ascii(head, 0, "RIFF") && ascii(head, 8, "WAVE")) {
            return Optional.of(WAV);
        }
        if (length >= 4 && ascii(head, 0, "OggS")) {
            return Optional.of(OGG);
        }
        if (length >= 12 && ascii(head, 4, "ftyp")) {
            return Optional.of(M4A);
        }
        if (length >= 4 && (head[0] & 0xFF) == 0x1A && (head[1] & 0xFF) == 0x45 && (head[2] & 0xFF) == 0xDF
                && (head[3] & 0xFF) == 0xA3) {
            return Optional.of(WEBM);
        }
        if (length >= 3 && ascii(head, 0, "ID3")) {
            return Optional.of(MP3);
        }
        if (length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x06) != 0) {
            return Optional.of(MP3);
        }
        return Optional.empty();
    }

    /**
     * A WAV file's duration from its {@code fmt } and {@code data} chunks, or empty when the header does not
     * tell (a streamed WAV with an unknown size, another format).
     */
    public static Optional<BigDecimal> wavDuration(byte[] head, int length) {
        if (sniff(head, length).orElse(null) != WAV) {
            return Optional.empty();
        }
        long byteRate = -1;
        int offset = 12;
        while (offset + 8 <= length) {
            long size = le32(head, offset + 4);
            if (ascii(head, offset, "fmt ") && offset + 16 <= length) {
                byteRate = le32(head, offset + 8 + 8);
            } else if (ascii(head, offset, "data")) {
                if (byteRate <= 0 || size == 0 || size == 0xFFFFFFFFL) {
                    return Optional.empty();
                }
                return Optional.of(BigDecimal.valueOf(size).divide(BigDecimal.valueOf(byteRate), 3, RoundingMode.HALF_UP));
            }
            offset += 8 + (int) Math.min(size + (size & 1), Integer.MAX_VALUE - offset - 8L);
        }
        return Optional.empty();
    }

    private static boolean ascii(byte[] bytes, int offset, String text) {
        if (offset + text.length() > bytes.length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (bytes[offset + i] != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static long le32(byte[] bytes, int offset) {
        if (offset + 4 > bytes.length) {
            return 0;
        }
        return (bytes[offset] & 0xFFL) | (bytes[offset + 1] & 0xFFL) << 8 | (bytes[offset + 2] & 0xFFL) << 16
                | (bytes[offset + 3] & 0xFFL) << 24;
    }
}
