package ai.zelto.adapters.http.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Headers every API response carries: nothing is sniffed, framed, cached or referred, and browsers are told to
 * stay on HTTPS once they reach Zelto over it.
 */
public final class SecurityHeaders implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("Strict-Transport-Security", "max-age=31536000");
        if (!headers.containsKey("Cache-Control")) {
            headers.putSingle("Cache-Control", "no-store");
        }
    }
}
