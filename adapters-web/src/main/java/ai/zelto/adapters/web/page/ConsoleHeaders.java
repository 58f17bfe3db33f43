package ai.zelto.adapters.web.page;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;

/**
 * The console's security headers. The Content-Security-Policy allows scripts, styles, media and requests from
 * this server only and nothing inline, so text a caller sent (a transcript, a name) can never run even if a
 * template forgot to escape it; pages are never framed, never cached (they show private calls), and send no
 * referrer outside the server.
 */
public final class ConsoleHeaders implements ContainerResponseFilter {
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "media-src 'self'; connect-src 'self'; font-src 'self'; manifest-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    /**
     * The policy for a page that also opens connections to these origins (a voice page connecting to LiveKit),
     * each given as {@code scheme://host[:port]}; a page sets it as its own {@code Content-Security-Policy} header.
     */
    public static String policyConnectingTo(List<String> origins) {
        for (String origin : origins) {
            if (!origin.matches("(?i)(wss?|https?)://[A-Za-z0-9.\\[\\]:-]+")) {
                throw new IllegalArgumentException("not an origin: " + origin);
            }
        }
        return POLICY.replace("connect-src 'self'", "connect-src 'self' " + String.join(" ", origins));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        if (!headers.containsKey("Content-Security-Policy")) {
            headers.putSingle("Content-Security-Policy", POLICY);
        }
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "same-origin");
        headers.putSingle("Cross-Origin-Opener-Policy", "same-origin");
        headers.putSingle("Permissions-Policy", "camera=(), geolocation=(), microphone=(self)");
        if (!headers.containsKey("Cache-Control")) {
            headers.putSingle("Cache-Control", "no-store");
        }
    }
}
