package ai.zelto.adapters.http.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Map;

/**
 * Security headers on every response Jersey makes: nothing is sniffed, framed, cached or referred, and browsers
 * are told to stay on HTTPS once they reach Zelto over it. The headers differ per surface: a response that already
 * carries one of them (the console sets a policy that allows its own scripts and styles) keeps its own; every
 * other response gets these defaults, the API's.
 */
public final class SecurityHeaders implements ContainerResponseFilter {
    /**
     * The API's headers, also used by the parts of the server Jersey does not answer (the admin port, Jetty's own
     * errors): JSON needs no scripts, styles or frames.
     */
    public static final Map<String, String> API = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
            "Referrer-Policy", "no-referrer",
            "Strict-Transport-Security", "max-age=31536000");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        API.forEach((name, value) -> {
            if (!headers.containsKey(name)) {
                headers.putSingle(name, value);
            }
        });
        if (!headers.containsKey("Cache-Control")) {
            headers.putSingle("Cache-Control", "no-store");
        }
    }
}
