package ai.zelto.adapters.web.signin;

import ai.zelto.adapters.web.page.Chrome;
import ai.zelto.adapters.web.page.ErrorPages;
import ai.zelto.adapters.web.page.Layout;
import ai.zelto.adapters.web.page.Page;
import ai.zelto.adapters.web.session.Cookies;
import ai.zelto.adapters.web.session.Visitor;
import ai.zelto.application.port.in.people.CompleteSetupCommand;
import ai.zelto.application.port.in.people.SetupUseCase;
import ai.zelto.application.port.in.people.SignInCommand;
import ai.zelto.application.port.in.people.SignInResult;
import ai.zelto.application.port.in.people.SignInUseCase;
import ai.zelto.application.port.in.people.WebSessionUseCase;
import ai.zelto.domain.shared.ValidationException;
import ai.zelto.domain.user.Member;
import ai.zelto.domain.user.Passwords;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /login}, {@code /logout}, {@code /setup/<token>} and {@code /}. A sign-in always starts a new session (a
 * new cookie value) and ends the one the browser had; a refusal does not say whether the email exists.
 */
@Path("/")
@Produces(Page.HTML)
public final class SignInResource {
    private final SignInUseCase signIn;
    private final WebSessionUseCase sessions;
    private final SetupUseCase setup;
    private final Layout layout;

    /** The sign-in page's model. */
    public record LoginView(Chrome chrome, String email, String next, String error, String notice) {
    }

    /** The setup page's model; {@code errors} by field. */
    public record SetupView(Chrome chrome, String token, boolean needsEmail, String email, String displayName,
                            String role, Map<String, String> errors, int minLength) {
        public String error(String field) {
            return errors.get(field);
        }
    }

    public SignInResource(SignInUseCase signIn, WebSessionUseCase sessions, SetupUseCase setup, Layout layout) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.setup = setup;
        this.layout = layout;
    }

    @GET
    public Response home(@Context ContainerRequestContext request) {
        return Response.seeOther(URI.create(Visitor.of(request).session().isPresent() ? "/conversations" : "/login"))
                .build();
    }

    @GET
    @Path("login")
    public Response loginPage(@Context ContainerRequestContext request, @QueryParam("next") String next,
                              @QueryParam("signedOut") String signedOut) {
        Visitor visitor = Visitor.of(request);
        if (visitor.session().isPresent()) {
            return Response.seeOther(URI.create(safeNext(next))).build();
        }
        return Response.ok(login(visitor, "", next, null, signedOut == null ? null : "You have signed out.")).build();
    }

    @POST
    @Path("login")
    public Response login(@Context ContainerRequestContext request, @FormParam("email") String email,
                          @FormParam("password") String password, @FormParam("next") String next) {
        Visitor visitor = Visitor.of(request);
        SignInResult result = signIn.signIn(new SignInCommand(email, password, visitor.address()));
        if (result instanceof SignInResult.SignedIn signedIn) {
            endOldSession(request);
            return Response.seeOther(URI.create(safeNext(next)))
                    .cookie(Cookies.session(signedIn.session().token(), visitor.secure())).build();
        }
        if (result instanceof SignInResult.Throttled throttled) {
            return Response.status(429).header("Retry-After", throttled.retryAfterSeconds())
                    .entity(login(visitor, email, next, "Too many failed attempts. Wait "
                            + (throttled.retryAfterSeconds() + 59) / 60 + " minutes and try again.", null)).build();
        }
        return Response.status(401).entity(login(visitor, email, next, "Email or password is incorrect.", null))
                .build();
    }

    @POST
    @Path("logout")
    public Response logout(@Context ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(Cookies.SESSION);
        if (cookie != null) {
            sessions.signOut(cookie.getValue());
        }
        Visitor visitor = Visitor.of(request);
        return Response.seeOther(URI.create("/login?signedOut=1")).cookie(Cookies.sessionEnded(visitor.secure()))
                .build();
    }

    @GET
    @Path("setup/{token}")
    public Response setupPage(@Context ContainerRequestContext request, @PathParam("token") String token) {
        Visitor visitor = Visitor.of(request);
        Optional<Member> member = setup.pending(token);
        if (member.isEmpty()) {
            return expired(visitor);
        }
        return Response.ok(setupView(visitor, token, member.get(), "", member.get().displayName(), Map.of())).build();
    }

    @POST
    @Path("setup/{token}")
    public Response completeSetup(@Context ContainerRequestContext request, @PathParam("token") String token,
                                  @FormParam("email") String email, @FormParam("displayName") String displayName,
                                  @FormParam("password") String password, @FormParam("confirm") String confirm) {
        Visitor visitor = Visitor.of(request);
        Optional<Member> pending = setup.pending(token);
        if (pending.isEmpty()) {
            return expired(visitor);
        }
        Member member;
        try {
            if (password == null || !password.equals(confirm)) {
                throw ValidationException.of("confirm", "the two passwords differ");
            }
            member = setup.complete(new CompleteSetupCommand(token, email, displayName, password));
        } catch (ValidationException invalid) {
            return Response.status(400).entity(setupView(visitor, token, pending.get(), email, displayName,
                    invalid.details())).build();
        }
        SignInResult result = signIn.signIn(new SignInCommand(member.email().value(), password, visitor.address()));
        if (result instanceof SignInResult.SignedIn signedIn) {
            endOldSession(request);
            return Response.seeOther(URI.create("/conversations"))
                    .cookie(Cookies.session(signedIn.session().token(), visitor.secure())).build();
        }
        return Response.seeOther(URI.create("/login")).build();
    }

    /** A sign-in replaces the browser's session: the one it had ends, whoever it belonged to. */
    private void endOldSession(ContainerRequestContext request) {
        Cookie old = request.getCookies().get(Cookies.SESSION);
        if (old != null && !old.getValue().isEmpty()) {
            sessions.signOut(old.getValue());
        }
    }

    private Page login(Visitor visitor, String email, String next, String error, String notice) {
        return new Page("login.jte", new LoginView(layout.chrome(visitor, "Sign in", ""), email == null ? "" : email,
                safeNext(next), error, notice));
    }

    private Page setupView(Visitor visitor, String token, Member member, String email, String displayName,
                           Map<String, String> errors) {
        return new Page("setup.jte", new SetupView(layout.chrome(visitor, "Set up your login", ""), token,
                member.email() == null, member.email() == null ? (email == null ? "" : email)
                : member.email().value(), displayName == null ? "" : displayName, member.role().wireName(),
                errors, Passwords.MIN_LENGTH));
    }

    private Response expired(Visitor visitor) {
        return Response.status(404).entity(new Page("error.jte", new ErrorPages.ErrorView(
                layout.chrome(visitor, "Link expired", ""), 404, "This link no longer works",
                "Setup links work once and expire. Ask an owner or admin of your organization for a new one."
                        + " Operators can print one with: java -jar zelto.jar users reset-password --email <email>")))
                .build();
    }

    /** Only paths of this server: never {@code //host} or a full URL, which would send the person elsewhere. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.length() > 2000 || next.chars().anyMatch(c -> c < 0x20)) {
            return "/conversations";
        }
        return next;
    }
}
