package ai.zelto.app.config;

import ai.zelto.application.port.out.LiveKit;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;

/**
 * The operator's LiveKit server, used by every organization that did not set its own, and the limits of voice
 * sessions. The URL is trusted (a LiveKit on localhost is a normal self-hosted set-up); {@code ws(s)://} URLs
 * are given to browsers and turned into {@code http(s)://} for server calls.
 */
public class LiveKitSettings {
    @JsonProperty
    @Env("ZELTO_LIVEKIT_URL")
    private String url = "";

    @JsonProperty
    @Env("ZELTO_LIVEKIT_API_KEY")
    private String apiKey = "";

    @JsonProperty
    @Env("ZELTO_LIVEKIT_API_SECRET")
    private String apiSecret = "";

    /** Sessions not yet ended that one organization may have at once. */
    @JsonProperty
    @Min(1)
    @Env("ZELTO_VOICE_MAX_ACTIVE_SESSIONS")
    private int maxActiveSessions = 50;

    /** The longest one call to LiveKit may take. */
    @JsonProperty
    @Min(1)
    @Max(120)
    @Env("ZELTO_LIVEKIT_TIMEOUT_SECONDS")
    private int timeoutSeconds = 10;

    /**
     * The operator's server, when all three settings are given.
     *
     * @throws IllegalStateException when only some are, so that a typo stops start-up instead of every session
     */
    public Optional<LiveKit.Endpoint> serverWide() {
        boolean any = !url.isBlank() || !apiKey.isBlank() || !apiSecret.isBlank();
        boolean all = !url.isBlank() && !apiKey.isBlank() && !apiSecret.isBlank();
        if (any && !all) {
            throw new IllegalStateException("ZELTO_LIVEKIT_URL, ZELTO_LIVEKIT_API_KEY and ZELTO_LIVEKIT_API_SECRET go"
                    + " together: set all three, or none");
        }
        if (all && !url.matches("(?i)(wss?|https?)://.+")) {
            throw new IllegalStateException("ZELTO_LIVEKIT_URL must be a ws://, wss://, http:// or https:// URL");
        }
        return all ? Optional.of(new LiveKit.Endpoint(url.strip(), apiKey.strip(), apiSecret.strip()))
                : Optional.empty();
    }

    public int getMaxActiveSessions() {
        return maxActiveSessions;
    }

    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }
}
