package ai.zelto.adapters.web.session;

import ai.zelto.application.port.in.people.SignedInSession;
import ai.zelto.domain.user.ForbiddenException;
import ai.zelto.domain.user.Member;
import ai.zelto.domain.user.Role;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The person behind one request, as {@link SessionFilter} found them.
 *
 * @param session       the signed-in session, or empty
 * @param anonymousCsrf the token that forms shown before sign-in (login, setup) carry, also held in a cookie
 * @param address       the client's address
 * @param secure        whether cookies must be marked Secure (served over https, or the public URL is https)
 */
public record Visitor(Optional<SignedInSession> session, String anonymousCsrf, String address, boolean secure) {
    static final String PROPERTY = "zelto.console.visitor";

    /**
     * The visitor stored under {@link #PROPERTY} by the session filter, read through any attribute lookup (a
     * request context's properties, a servlet request's attributes: Jersey keeps them as one).
     */
    public static Optional<Visitor> find(Function<String, Object> attributes) {
        return attributes.apply(PROPERTY) instanceof Visitor visitor ? Optional.of(visitor) : Optional.empty();
    }

    public static Visitor of(ContainerRequestContext request) {
        Object visitor = request.getProperty(PROPERTY);
        if (visitor == null) {
            throw new IllegalStateException("the session filter did not run");
        }
        return (Visitor) visitor;
    }

    /** The signed-in person; otherwise the request ends in the sign-in page (and comes back after). */
    public SignedInSession signedIn() {
        return session.orElseThrow(SignInRequired::new);
    }

    public Member member() {
        return signedIn().member();
    }

    /** The signed-in person when their role allows {@code allowed}; else a 403 page saying {@code what}. */
    public Member require(Predicate<Role> allowed, String what) {
        Member member = member();
        if (!allowed.test(member.role())) {
            throw new ForbiddenException("Your role (" + member.role().wireName() + ") cannot " + what + ".");
        }
        return member;
    }

    /** What this visitor's forms carry as their CSRF token. */
    public String csrfToken() {
        return session.map(SignedInSession::csrfToken).orElse(anonymousCsrf);
    }
}
