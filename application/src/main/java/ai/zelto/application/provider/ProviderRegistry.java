package ai.zelto.application.provider;

import ai.zelto.application.spi.provider.DeliveryTranslator;
import ai.zelto.application.spi.provider.SettingSpec;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The installed providers, by id: each one's translator and the settings an organization can give it. Built
 * once at start-up; immutable and thread-safe.
 */
public final class ProviderRegistry {
    /** The provider of the canonical shape, used when a delivery names none. */
    public static final String DEFAULT_PROVIDER = "zelto";

    /** One installed provider. */
    public record Provider(String id, DeliveryTranslator translator, List<SettingSpec> settings) {
        public Provider {
            settings = List.copyOf(settings);
        }

        public Optional<SettingSpec> setting(String name) {
            return settings.stream().filter(spec -> spec.name().equals(name)).findFirst();
        }
    }

    private final Map<String, Provider> providers;

    public ProviderRegistry(List<Provider> providers) {
        TreeMap<String, Provider> byId = new TreeMap<>();
        providers.forEach(provider -> byId.put(provider.id(), provider));
        this.providers = Collections.unmodifiableMap(byId);
    }

    /**
     * The provider id a header value stands for: absent or blank is {@value #DEFAULT_PROVIDER}, and ids are
     * matched without regard to case.
     */
    public static String normalize(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            return DEFAULT_PROVIDER;
        }
        return headerValue.strip().toLowerCase(Locale.ROOT);
    }

    public Optional<Provider> provider(String providerId) {
        return Optional.ofNullable(providers.get(providerId));
    }

    public Optional<DeliveryTranslator> translator(String providerId) {
        return provider(providerId).map(Provider::translator);
    }

    /** The installed ids, sorted. */
    public List<String> ids() {
        return List.copyOf(providers.keySet());
    }
}
