package ai.zelto.domain.user;

import ai.zelto.domain.shared.ValidationException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A sign-in email, kept lowercase: people type their address in whatever case, and one address is one login.
 * Only the shape is checked (one {@code @}, a dot in the domain, no spaces); whether it receives mail is not.
 */
public record Email(String value) {
    public static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public Email {
        if (value == null || value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw ValidationException.of("email", "an email address such as ana@example.com");
        }
        value = value.toLowerCase(Locale.ROOT);
    }

    /** Parses what a person typed, ignoring surrounding spaces. */
    public static Email of(String typed) {
        return new Email(typed == null ? null : typed.strip());
    }

    @Override
    public String toString() {
        return value;
    }
}
