package ai.zelto.application.service.ingest;

import ai.zelto.application.spi.provider.DeliveryTranslator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The installed providers' translators, by id. Built once at start-up; immutable and thread-safe.
 */
public final class ProviderRegistry {
    /** The provider of the canonical shape, used when a delivery names none. */
    public static final String DEFAULT_PROVIDER = "zelto";

    private final Map<String, DeliveryTranslator> translators;

    public ProviderRegistry(Map<String, DeliveryTranslator> translators) {
        this.translators = Collections.unmodifiableMap(new TreeMap<>(translators));
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

    public Optional<DeliveryTranslator> translator(String providerId) {
        return Optional.ofNullable(translators.get(providerId));
    }

    /** The installed ids, sorted. */
    public List<String> ids() {
        return new ArrayList<>(translators.keySet());
    }
}
