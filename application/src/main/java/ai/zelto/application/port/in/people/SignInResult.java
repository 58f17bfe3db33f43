package ai.zelto.application.port.in.people;

/** How a sign-in ended. A refusal never says whether the email exists. */
public sealed interface SignInResult {
    /** A new session: its token goes in the cookie, never anywhere else. */
    record SignedIn(SignedInSession session) implements SignInResult {
    }

    record Refused() implements SignInResult {
    }

    /** Too many failures lately for this account or address; nothing was checked. */
    record Throttled(long retryAfterSeconds) implements SignInResult {
    }
}
