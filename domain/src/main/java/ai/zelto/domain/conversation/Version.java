package ai.zelto.domain.conversation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which agent build handled a call. The rule: the version the caller states explicitly wins; otherwise the
 * version the provider's native payload carries; otherwise a stable short hash of the system prompt (so calls
 * on the same prompt group together); otherwise none.
 */
public final class Version {
    public static final int MAX_LENGTH = 255;
    static final int HASH_HEX_CHARS = 12;

    private Version() {
    }

    public static String derive(String explicit, String nativeVersion, String systemPrompt) {
        if (explicit != null) {
            return explicit;
        }
        if (nativeVersion != null) {
            return nativeVersion;
        }
        if (systemPrompt != null && !systemPrompt.isBlank()) {
            return promptHash(systemPrompt);
        }
        return null;
    }

    /** The first 12 hex digits of the SHA-256 of the prompt's UTF-8 bytes. */
    public static String promptHash(String systemPrompt) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(systemPrompt.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_CHARS);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    public static boolean isValid(String version) {
        return version != null && !version.isEmpty() && version.length() <= MAX_LENGTH;
    }
}
