package ai.zelto.domain.apikey;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The plaintext of an API key: {@code zk_} followed by 43 URL-safe characters (256 random bits). It exists only
 * while a key is being created or presented; only its hash is ever stored. {@link #toString()} never shows it.
 */
public record ApiKeySecret(String value) {
    public static final String PREFIX = "zk_";
    private static final int RANDOM_BYTES = 32;
    private static final int MIN_RANDOM_CHARS = 32;
    private static final int MAX_LENGTH = 200;
    private static final int DISPLAY_CHARS = 8;

    public ApiKeySecret {
        Objects.requireNonNull(value, "value");
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("an API key is zk_ followed by at least 32 URL-safe characters");
        }
    }

    public static ApiKeySecret generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new ApiKeySecret(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Whether the text has the shape of a key; says nothing about whether such a key exists. */
    public static boolean isWellFormed(String text) {
        if (text == null || !text.startsWith(PREFIX) || text.length() < PREFIX.length() + MIN_RANDOM_CHARS
                || text.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = PREFIX.length(); i < text.length(); i++) {
            char c = text.charAt(i);
            boolean urlSafe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!urlSafe) {
                return false;
            }
        }
        return true;
    }

    /** The first characters, enough for a person to tell keys apart in a list; useless to an attacker. */
    public String displayPrefix() {
        return value.substring(0, PREFIX.length() + DISPLAY_CHARS);
    }

    @Override
    public String toString() {
        return displayPrefix() + "…";
    }
}
