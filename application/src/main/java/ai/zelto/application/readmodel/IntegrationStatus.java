package ai.zelto.application.readmodel;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A provider's status for an organization: active once at least one of its calls was ingested.
 *
 * @param lastCallAt when the last delivery of a call from this provider was received, or null
 * @param settings   each setting the provider declares, configured or not, in declaration order
 * @param hookUrl    the organization's header-free webhook URL for this provider, or null
 * @param hookDetails what else the provider's side needs with that URL (WhatsApp's verify token); usually empty
 */
public record IntegrationStatus(String provider, boolean active, Instant lastCallAt, long calls,
                                Map<String, SettingStatus> settings, String hookUrl, Map<String, String> hookDetails) {
    public IntegrationStatus {
        // in the order the integration declares them: forms show them so
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        hookDetails = hookDetails == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(hookDetails));
    }

    /** Calls figures only, before settings are known. */
    public static IntegrationStatus ofCalls(String provider, Instant lastCallAt, long calls) {
        return new IntegrationStatus(provider, calls > 0, lastCallAt, calls, Map.of(), null, Map.of());
    }

    public IntegrationStatus with(Map<String, SettingStatus> settings, String hookUrl,
                                  Map<String, String> hookDetails) {
        return new IntegrationStatus(provider, active, lastCallAt, calls, settings, hookUrl, hookDetails);
    }

    /**
     * @param hint        for a secret, the last characters (e.g. {@code …f3a9}); for a plain setting, its value
     * @param description what the provider says the setting is for
     */
    public record SettingStatus(boolean configured, String hint, boolean secret, String description) {
    }
}
