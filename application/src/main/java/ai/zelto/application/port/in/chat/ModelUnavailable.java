package ai.zelto.application.port.in.chat;

import java.util.Map;

/**
 * The model gave no reply (unreachable, silent too long, refused its key, failed, or answered something that is
 * not a chat completion). The person's message stays, and the session takes the next one.
 */
public final class ModelUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String reason;
    private final String kind;

    public ModelUnavailable(String kind, String reason) {
        super("Model unavailable: " + reason, null, false, false);
        this.kind = kind;
        this.reason = reason;
    }

    /** For the error's {@code details}: what happened, in words, and its kind. */
    public Map<String, String> details() {
        return Map.of("reason", reason, "kind", kind);
    }
}
