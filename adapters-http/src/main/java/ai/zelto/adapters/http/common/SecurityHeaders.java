package ai.zelto.adapters.http.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Map;

/**
 * Headers every API response carries: nothing is sniffed, framed, cached or referred, and browsers are told to
 * stay on HTTPS once they reach Zelto over it.
 */
public final class SecurityHeaders implements ContainerResponseFilter {
    /** The headers, for the parts of the server Jersey does not answer (the admin port, Jetty's own errors). */
    public static final Map<String, String> HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
            "Referrer-Policy", "no-referrer",
            "Strict-Transport-Security", "max-age=31536000");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        HEADERS.forEach(headers::putSingle);
        if (!headers.containsKey("Cache-Control")) {
            headers.putSingle("Cache-Control", "no-store");
        }
    }
}
