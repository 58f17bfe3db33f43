package ai.zelto.application.spi.provider;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What Zelto knows about a delivery besides its bytes.
 *
 * @param settings the organization's settings for this provider (see {@link ProviderPlugin#settings()}),
 *                 decrypted; empty when none are configured
 * @param channel  how the delivery reached Zelto
 * @param phase    whether Zelto is deciding to acknowledge it, or processing it later
 */
public record DeliveryContext(Map<String, String> settings, Channel channel, Phase phase) {
    public DeliveryContext {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(phase, "phase");
        settings = java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    /** A setting's value, if the organization configured it. */
    public Optional<String> setting(String name) {
        return Optional.ofNullable(settings.get(name));
    }

    /**
     * Whether the translator should check that the delivery comes from the provider (signatures, shared
     * secrets, timestamp windows). True while receiving; false while processing, because a delivery is
     * processed only after it passed that check, possibly minutes earlier and under settings since rotated.
     */
    public boolean verifyOrigin() {
        return phase == Phase.RECEIVING;
    }

    /** How a delivery reached Zelto. */
    public enum Channel {
        /** {@code POST /webhooks/calls} with the organization's API key. */
        API_KEY,
        /**
         * {@code POST /webhooks/{provider}/{hookToken}}: no API key, for providers that cannot send headers. The
         * token identifies the organization; a plugin may demand more (Retell demands a valid signature).
         */
        HOOK_URL
    }

    /** When the translator runs. */
    public enum Phase {
        /** On the request thread, before the delivery is acknowledged: may refuse it. */
        RECEIVING,
        /** In the background worker, after the delivery was stored. */
        PROCESSING
    }
}
