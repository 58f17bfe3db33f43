package ai.zelto.domain.conversation;

import ai.zelto.domain.shared.Sha256;

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
        return Sha256.hex(systemPrompt).substring(0, HASH_HEX_CHARS);
    }

    public static boolean isValid(String version) {
        return version != null && !version.isEmpty() && version.length() <= MAX_LENGTH;
    }
}
