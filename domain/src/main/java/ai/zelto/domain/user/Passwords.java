package ai.zelto.domain.user;

import ai.zelto.domain.shared.ValidationException;

/**
 * What a new password must be: long enough to resist guessing (NIST SP 800-63B asks for at least 8; Zelto asks
 * 10), short enough that hashing it costs no more than any other, and no composition rules.
 */
public final class Passwords {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;

    private Passwords() {
    }

    public static void check(String field, String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw ValidationException.of(field, "a password is " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
    }
}
