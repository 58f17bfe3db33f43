package ai.zelto.domain.agent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How an agent talks: a voice pipeline (speech-to-text, a model, text-to-speech), a realtime speech model, or text
 * only. Voice sessions need one of the first two; chat sessions the last.
 */
public enum Architecture {
    PIPELINE, REALTIME, TEXT;

    /** The name used in JSON and the console: lower case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isVoice() {
        return this != TEXT;
    }

    public static Optional<Architecture> parse(String text) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(text)).findFirst();
    }

    /** The accepted names, for error messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Architecture::wireName).toList());
    }
}
