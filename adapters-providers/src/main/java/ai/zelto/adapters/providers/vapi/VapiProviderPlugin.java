package ai.zelto.adapters.providers.vapi;

import ai.zelto.application.spi.provider.DeliveryTranslator;
import ai.zelto.application.spi.provider.ProviderPlugin;
import ai.zelto.application.spi.provider.SettingSpec;
import java.util.List;
import java.util.Map;

/**
 * Vapi's server messages, unchanged. Only the {@code end-of-call-report} becomes a call; every other message
 * type is dropped. Authentication is Zelto's key (a Vapi Bearer credential can carry it); when the organization
 * sets a server secret, {@code X-Vapi-Secret} must match it too.
 */
public final class VapiProviderPlugin implements ProviderPlugin {
    @Override
    public String id() {
        return "vapi";
    }

    @Override
    public DeliveryTranslator createTranslator(Map<String, String> configuration) {
        return new VapiTranslator();
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(new SettingSpec(VapiTranslator.SERVER_SECRET,
                "Vapi's server secret: when set, every delivery must carry it in X-Vapi-Secret", true));
    }
}
