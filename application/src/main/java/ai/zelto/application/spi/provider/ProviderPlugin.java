package ai.zelto.application.spi.provider;

import java.util.List;
import java.util.Map;

/**
 * A source of calls: Zelto's own canonical shape, LiveKit, Vapi, Retell, or anything a third party adds. Found
 * with {@link java.util.ServiceLoader}: a plugin jar lists its implementation in
 * {@code META-INF/services/ai.zelto.application.spi.provider.ProviderPlugin}.
 *
 * <p>Implementations are {@code public final} classes with a public no-argument constructor. This interface
 * only ever grows by default methods, so a plugin compiled against an older version keeps working.
 */
public interface ProviderPlugin {
    /**
     * The provider's unique id: lowercase letters, digits, {@code -} and {@code _}. It is the value callers put
     * in the {@code X-Zelto-Provider} header, and the provider every call it produces is tagged with.
     */
    String id();

    /**
     * Creates the translator. Called once at start-up.
     *
     * @param configuration settings the operator gave this plugin; empty when there are none
     */
    DeliveryTranslator createTranslator(Map<String, String> configuration);

    /**
     * The settings an organization can configure for this provider. None by default.
     */
    default List<SettingSpec> settings() {
        return List.of();
    }
}
