package ai.zelto.adapters.web.page;

import ai.zelto.domain.shared.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The console's static files, kept from the jar and served by {@link AssetsResource} at
 * {@code /assets/<name>-<hash>.<ext>}: the hash of the content is in the URL, so browsers keep a file for a year
 * and a new release is fetched at once. Only the files listed here are served; nothing comes from a CDN. htmx and
 * Swagger UI come from their WebJars, LiveKit's client from the copy in {@code vendor/livekit-client}.
 */
public final class Assets {
    private static final String OWN = "/ai/zelto/adapters/web/assets/";
    private static final String SWAGGER_UI = "/META-INF/resources/webjars/swagger-ui/5.35.0/";
    private static final Map<String, String> SOURCES = Map.ofEntries(
            Map.entry("console.css", OWN + "console.css"),
            Map.entry("console.js", OWN + "console.js"),
            Map.entry("player.js", OWN + "player.js"),
            Map.entry("icon.svg", OWN + "icon.svg"),
            Map.entry("talk.js", OWN + "talk.js"),
            Map.entry("chat.js", OWN + "chat.js"),
            Map.entry("reference.js", OWN + "reference.js"),
            Map.entry("reference.css", OWN + "reference.css"),
            // LiveKit's JavaScript client, vendored from npm (no WebJar exists): see vendor/livekit-client/README.md
            Map.entry("livekit-client.umd.js", "/ai/zelto/adapters/web/vendor/livekit-client/livekit-client.umd.js"),
            Map.entry("htmx.min.js", "/META-INF/resources/webjars/htmx.org/2.0.7/dist/htmx.min.js"),
            Map.entry("swagger-ui-bundle.js", SWAGGER_UI + "swagger-ui-bundle.js"),
            Map.entry("swagger-ui.css", SWAGGER_UI + "swagger-ui.css"));
    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml");

    private final Map<String, byte[]> byUrlName = new LinkedHashMap<>();
    private final Map<String, String> urls = new LinkedHashMap<>();

    public Assets() {
        SOURCES.forEach((name, source) -> {
            byte[] bytes = read(source);
            int dot = name.lastIndexOf('.');
            String urlName = name.substring(0, dot) + "-" + Sha256.hex(bytes).substring(0, 12) + name.substring(dot);
            byUrlName.put(urlName, bytes);
            urls.put(name, "/assets/" + urlName);
        });
    }

    /** The URL of an asset by its plain name, such as {@code console.css}. */
    public String url(String name) {
        return Objects.requireNonNull(urls.get(name), () -> "no asset " + name);
    }

    /** The bytes served under a fingerprinted file name, or null. */
    byte[] bytes(String urlName) {
        return byUrlName.get(urlName);
    }

    static String contentType(String urlName) {
        return TYPES.get(urlName.substring(urlName.lastIndexOf('.') + 1));
    }

    private static byte[] read(String source) {
        try (InputStream in = Assets.class.getResourceAsStream(source)) {
            if (in == null) {
                throw new IllegalStateException("asset missing from the jar: " + source);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
