package ai.zelto.app.wiring;

import ai.zelto.application.provider.ProviderRegistry;
import ai.zelto.application.spi.provider.ProviderPlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the provider plugins with {@link ServiceLoader}: the built-in ones on the classpath, and those in the
 * jars of the plugins directory. Start-up fails on an invalid or duplicate id, naming where each plugin came
 * from: a provider silently replaced by another would be worse.
 */
public final class ProviderPlugins {
    private static final Pattern VALID_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    private ProviderPlugins() {
    }

    /** The built-in plugins only. */
    public static ProviderRegistry load(ClassLoader classLoader) {
        return load(classLoader, null);
    }

    /** The built-in plugins and every {@code *.jar} in {@code pluginDir} (which may be absent). */
    public static ProviderRegistry load(ClassLoader classLoader, Path pluginDir) {
        ClassLoader loader = withPluginJars(classLoader, pluginDir);
        Map<String, ProviderPlugin> plugins = new LinkedHashMap<>();
        for (ProviderPlugin plugin : ServiceLoader.load(ProviderPlugin.class, loader)) {
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
        List<ProviderRegistry.Provider> providers = new ArrayList<>();
        plugins.forEach((id, plugin) -> providers.add(new ProviderRegistry.Provider(id,
                plugin.createTranslator(Map.of()), plugin.settings())));
        return new ProviderRegistry(providers);
    }

    private static ClassLoader withPluginJars(ClassLoader parent, Path pluginDir) {
        if (pluginDir == null || !Files.isDirectory(pluginDir)) {
            return parent;
        }
        try (Stream<Path> files = Files.list(pluginDir)) {
            List<URL> jars = new ArrayList<>();
            for (Path jar : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                jars.add(toUrl(jar));
            }
            return jars.isEmpty() ? parent : new URLClassLoader("zelto-plugins", jars.toArray(URL[]::new), parent);
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the plugins directory " + pluginDir, e);
        }
    }

    private static URL toUrl(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static String origin(ProviderPlugin plugin) {
        var source = plugin.getClass().getProtectionDomain().getCodeSource();
        return plugin.getClass().getName() + " (" + (source == null ? "unknown location" : source.getLocation()) + ")";
    }
}
