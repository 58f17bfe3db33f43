package ai.zelto.adapters.providers.livekit;

import ai.zelto.adapters.providers.common.CanonicalJson;
import ai.zelto.application.spi.provider.DeliveryTranslator;
import ai.zelto.application.spi.provider.ProviderPlugin;
import java.util.Map;

/**
 * Sessions forwarded by LiveKit agent workers: the canonical shape, with calls and their agents tagged as
 * LiveKit. The room name is the call's external id.
 */
public final class LiveKitProviderPlugin implements ProviderPlugin {
    @Override
    public String id() {
        return "livekit";
    }

    @Override
    public DeliveryTranslator createTranslator(Map<String, String> configuration) {
        return (delivery, context) -> CanonicalJson.translate(delivery);
    }
}
