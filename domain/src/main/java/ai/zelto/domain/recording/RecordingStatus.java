package ai.zelto.domain.recording;

import java.util.Locale;

/** Where Zelto's own copy of a conversation's recording stands. */
public enum RecordingStatus {
    /** A copy is wanted and will be (re)tried. */
    PENDING,
    /** Zelto holds a copy: it plays even after the source is gone. */
    STORED,
    /** Copying gave up; the reason says why. */
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RecordingStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
