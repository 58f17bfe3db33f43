package ai.zelto.adapters.web.session;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * Refuses every state-changing console request that does not come from the console's own pages: its
 * {@code Origin} (or, without one, its {@code Referer}) must be this server, and it must carry the visitor's
 * CSRF token, as the form field {@code csrf} or the header {@code X-CSRF-Token}. Signed-in visitors' tokens
 * belong to their session; before sign-in, the token must equal the one in the visitor's cookie. A refusal is a
 * {@link CsrfRefused}, answered with a 403 page.
 */
@Priority(Priorities.AUTHORIZATION)
public final class CsrfFilter implements ContainerRequestFilter {
    public static final String FIELD = "csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final URI publicUrl;

    /** @param publicUrl the server's public URL, or null: then the request's own host is the console's */
    public CsrfFilter(URI publicUrl) {
        this.publicUrl = publicUrl;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return;
        }
        Visitor visitor = Visitor.of(request);
        if (!sameOrigin(request)) {
            throw new CsrfRefused("This request came from another site. Open the console and try again.");
        }
        String token = request.getHeaderString(HEADER);
        if (token == null && request.getMediaType() != null
                && request.getMediaType().isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                && request instanceof ContainerRequest jersey) {
            jersey.bufferEntity();
            token = jersey.readEntity(Form.class).asMap().getFirst(FIELD);
        }
        if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                visitor.csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw new CsrfRefused("The page was open too long, or you signed in or out elsewhere. Go back, reload the"
                    + " page and try again.");
        }
    }

    private boolean sameOrigin(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            String referer = request.getHeaderString("Referer");
            if (referer == null) {
                return true;
            }
            origin = referer;
        }
        try {
            URI given = URI.create(origin.strip());
            return matches(given, publicUrl) || matches(given, request.getUriInfo().getBaseUri());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static boolean matches(URI given, URI expected) {
        return expected != null && given.getScheme() != null && given.getHost() != null
                && given.getScheme().equalsIgnoreCase(expected.getScheme())
                && given.getHost().toLowerCase(Locale.ROOT).equals(expected.getHost().toLowerCase(Locale.ROOT))
                && port(given) == port(expected);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
