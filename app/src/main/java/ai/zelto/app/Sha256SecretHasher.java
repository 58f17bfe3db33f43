package ai.zelto.app;

import ai.zelto.application.port.out.SecretHasher;
import ai.zelto.domain.apikey.ApiKeySecret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashes a key's secret with SHA-256. A key carries 256 random bits, so its hash cannot be reversed by
 * guessing; the hash is what the database indexes and looks up.
 */
final class Sha256SecretHasher implements SecretHasher {
    @Override
    public String hash(ApiKeySecret secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.value().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
