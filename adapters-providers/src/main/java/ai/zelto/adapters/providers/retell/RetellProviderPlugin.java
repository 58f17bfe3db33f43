package ai.zelto.adapters.providers.retell;

import ai.zelto.application.spi.provider.DeliveryTranslator;
import ai.zelto.application.spi.provider.ProviderPlugin;
import ai.zelto.application.spi.provider.SettingSpec;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Retell's call webhooks, unchanged. {@code call_ended} and {@code call_analyzed} become the same call; other
 * events are dropped. With the organization's Retell API key configured, every delivery's
 * {@code x-retell-signature} is verified; through a hook URL (Retell cannot send headers) the key is required.
 */
public final class RetellProviderPlugin implements ProviderPlugin {
    @Override
    public String id() {
        return "retell";
    }

    @Override
    public DeliveryTranslator createTranslator(Map<String, String> configuration) {
        return new RetellTranslator(Clock.systemUTC());
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(new SettingSpec(RetellTranslator.API_KEY,
                "the Retell API key that signs webhooks (the one with the webhook badge)", true));
    }
}
