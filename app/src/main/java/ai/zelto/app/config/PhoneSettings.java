package ai.zelto.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;

/**
 * Phone calls: where Meta's Graph API and Twilio's REST API are (their public hosts; tests point them at servers
 * of their own), and how long a call to either, or to LiveKit's Connector, may take. Each organization's
 * credentials are its integration settings, not configuration.
 */
public class PhoneSettings {
    @JsonProperty
    @NotBlank
    @Env("ZELTO_WHATSAPP_GRAPH_URL")
    private String whatsappGraphUrl = "https://graph.facebook.com";

    @JsonProperty
    @NotBlank
    @Env("ZELTO_TWILIO_API_URL")
    private String twilioApiUrl = "https://api.twilio.com";

    /**
     * The longest one request to Meta, Twilio or LiveKit's Connector may take. Twilio waits 15 s for the answer to
     * a person's call, LiveKit's answer included, so this stays well below that.
     */
    @JsonProperty
    @Min(1)
    @Max(10)
    @Env("ZELTO_PHONE_TIMEOUT_SECONDS")
    private int timeoutSeconds = 8;

    /** How long Meta's answer to a call Zelto placed may wait for LiveKit's dial to return the call's id. */
    @JsonProperty
    @Min(1)
    @Max(30)
    @Env("ZELTO_WHATSAPP_DIAL_WAIT_SECONDS")
    private int dialWaitSeconds = 10;

    public String getWhatsappGraphUrl() {
        return whatsappGraphUrl;
    }

    public String getTwilioApiUrl() {
        return twilioApiUrl;
    }

    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    public Duration dialWait() {
        return Duration.ofSeconds(dialWaitSeconds);
    }
}
