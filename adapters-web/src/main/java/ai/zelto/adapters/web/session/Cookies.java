package ai.zelto.adapters.web.session;

import ai.zelto.application.port.in.people.WebSessionUseCase;
import jakarta.ws.rs.core.NewCookie;

/**
 * The console's cookies. The session cookie is HttpOnly (scripts never see it), SameSite=Lax (other sites'
 * forms do not carry it), Secure when the console is served over https, and lives as long as a session may.
 */
public final class Cookies {
    public static final String SESSION = "zelto_session";
    public static final String CSRF = "zelto_csrf";

    private Cookies() {
    }

    public static NewCookie session(String token, boolean secure) {
        return base(SESSION, token, secure).maxAge((int) WebSessionUseCase.ABSOLUTE_EXPIRY.toSeconds()).build();
    }

    public static NewCookie sessionEnded(boolean secure) {
        return base(SESSION, "", secure).maxAge(0).build();
    }

    /** The token that forms shown before sign-in carry (double-submit: an attacker's page can read neither). */
    static NewCookie anonymousCsrf(String token, boolean secure) {
        return base(CSRF, token, secure).build();
    }

    private static NewCookie.Builder base(String name, String value, boolean secure) {
        return new NewCookie.Builder(name).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX);
    }
}
