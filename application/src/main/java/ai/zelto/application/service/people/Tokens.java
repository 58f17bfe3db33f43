package ai.zelto.application.service.people;

import ai.zelto.domain.shared.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** Random tokens for cookies, forms and links, and the hash under which they are stored. */
final class Tokens {
    private final SecureRandom random;

    Tokens(SecureRandom random) {
        this.random = random;
    }

    /** 256 random bits, URL-safe. */
    String next() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return Sha256.hex(token.getBytes(StandardCharsets.UTF_8));
    }
}
