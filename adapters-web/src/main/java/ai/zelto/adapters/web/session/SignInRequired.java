package ai.zelto.adapters.web.session;

/** A page needs a signed-in person and there is none: the answer is the sign-in page, then back. */
public final class SignInRequired extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SignInRequired() {
        super("sign-in required", null, false, false);
    }
}
