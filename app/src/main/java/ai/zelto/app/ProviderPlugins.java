package ai.zelto.app;

import ai.zelto.application.service.ingest.ProviderRegistry;
import ai.zelto.application.spi.provider.DeliveryTranslator;
import ai.zelto.application.spi.provider.ProviderPlugin;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * Finds the provider plugins with {@link ServiceLoader} and builds the registry. Start-up fails on an invalid
 * or duplicate id, naming where each plugin came from: a provider silently replaced by another would be worse.
 */
final class ProviderPlugins {
    private static final Pattern VALID_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    private ProviderPlugins() {
    }

    static ProviderRegistry load(ClassLoader classLoader) {
        Map<String, ProviderPlugin> plugins = new LinkedHashMap<>();
        for (ProviderPlugin plugin : ServiceLoader.load(ProviderPlugin.class, classLoader)) {
            String id = plugin.id();
            if (id == null || !VALID_ID.matcher(id).matches()) {
                throw new IllegalStateException("provider plugin " + origin(plugin) + " has an invalid id '" + id
                        + "': use lowercase letters, digits, '-' and '_'");
            }
            ProviderPlugin previous = plugins.putIfAbsent(id, plugin);
            if (previous != null) {
                throw new IllegalStateException("two provider plugins have the id '" + id + "': " + origin(previous)
                        + " and " + origin(plugin));
            }
        }
        Map<String, DeliveryTranslator> translators = new LinkedHashMap<>();
        plugins.forEach((id, plugin) -> translators.put(id, plugin.createTranslator(Map.of())));
        return new ProviderRegistry(translators);
    }

    static String origin(ProviderPlugin plugin) {
        var source = plugin.getClass().getProtectionDomain().getCodeSource();
        return plugin.getClass().getName() + " (" + (source == null ? "unknown location" : source.getLocation()) + ")";
    }
}
