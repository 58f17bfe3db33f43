package ai.zelto.adapters.web.session;

import ai.zelto.application.port.in.people.SignedInSession;
import ai.zelto.application.port.in.people.WebSessionUseCase;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Resumes the session named by the cookie, if any, for every console request, and gives visitors without an
 * anonymous CSRF cookie a new one. Pages decide for themselves whether they need a signed-in person
 * ({@link Visitor#signedIn()}).
 */
@Priority(Priorities.AUTHENTICATION)
public final class SessionFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String NEW_CSRF = "zelto.console.new-csrf";

    private final WebSessionUseCase sessions;
    private final URI publicUrl;
    private final SecureRandom random;
    @Context
    private HttpServletRequest servletRequest;

    /** @param publicUrl the server's public URL, or null */
    public SessionFilter(WebSessionUseCase sessions, URI publicUrl, SecureRandom random) {
        this.sessions = sessions;
        this.publicUrl = publicUrl;
        this.random = random;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Cookie sessionCookie = request.getCookies().get(Cookies.SESSION);
        // Static files are the same for everybody: they never cost a session lookup.
        boolean asset = request.getUriInfo().getPath().startsWith("assets/");
        Optional<SignedInSession> session = asset || sessionCookie == null || sessionCookie.getValue().isEmpty()
                ? Optional.empty() : sessions.resume(sessionCookie.getValue());
        Cookie csrfCookie = request.getCookies().get(Cookies.CSRF);
        String anonymousCsrf;
        if (csrfCookie != null && csrfCookie.getValue().length() >= 32 && csrfCookie.getValue().length() <= 64) {
            anonymousCsrf = csrfCookie.getValue();
        } else {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            anonymousCsrf = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            request.setProperty(NEW_CSRF, anonymousCsrf);
        }
        boolean secure = "https".equalsIgnoreCase(request.getUriInfo().getBaseUri().getScheme())
                || publicUrl != null && "https".equalsIgnoreCase(publicUrl.getScheme());
        String address = servletRequest == null ? "unknown" : servletRequest.getRemoteAddr();
        request.setProperty(Visitor.PROPERTY, new Visitor(session, anonymousCsrf, address, secure));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object created = request.getProperty(NEW_CSRF);
        Object visitor = request.getProperty(Visitor.PROPERTY);
        if (created != null && visitor instanceof Visitor known) {
            response.getHeaders().add("Set-Cookie", Cookies.anonymousCsrf((String) created, known.secure()));
        }
    }
}
