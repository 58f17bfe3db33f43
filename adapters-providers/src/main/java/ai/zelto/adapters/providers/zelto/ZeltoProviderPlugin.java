package ai.zelto.adapters.providers.zelto;

import ai.zelto.adapters.providers.common.CanonicalJson;
import ai.zelto.application.spi.provider.DeliveryTranslator;
import ai.zelto.application.spi.provider.ProviderPlugin;
import java.util.Map;

/** Zelto's own canonical shape: the default when a delivery names no provider. */
public final class ZeltoProviderPlugin implements ProviderPlugin {
    @Override
    public String id() {
        return "zelto";
    }

    @Override
    public DeliveryTranslator createTranslator(Map<String, String> configuration) {
        return (delivery, context) -> CanonicalJson.translate(delivery);
    }
}
