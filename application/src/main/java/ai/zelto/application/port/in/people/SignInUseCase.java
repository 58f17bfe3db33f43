package ai.zelto.application.port.in.people;

/** Checks an email and password, throttling guesses per account and per address. */
public interface SignInUseCase {
    SignInResult signIn(SignInCommand command);
}
