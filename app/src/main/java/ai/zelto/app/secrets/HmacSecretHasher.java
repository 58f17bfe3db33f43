package ai.zelto.app.secrets;

import ai.zelto.application.port.out.SecretHasher;
import ai.zelto.domain.apikey.ApiKeySecret;
import ai.zelto.domain.shared.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hashes a key's secret with HMAC-SHA256 under a server-side pepper derived from the secrets key, so the
 * api_keys table alone — a backup, a leaked dump — cannot even confirm a guessed key. Keys stored by earlier
 * versions as plain SHA-256 are still found, and re-hashed on their first use.
 */
public final class HmacSecretHasher implements SecretHasher {
    private final byte[] pepper;
    /**
     * A keyed {@code Mac} per thread: looking up the algorithm and keying it cost more than the hash itself,
     * on every authenticated request. {@code doFinal} resets it for the next use.
     */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::keyedMac);

    public HmacSecretHasher(byte[] pepper) {
        this.pepper = pepper.clone();
    }

    @Override
    public String hash(ApiKeySecret secret) {
        return HexFormat.of().formatHex(macs.get().doFinal(secret.value().getBytes(StandardCharsets.UTF_8)));
    }

    private Mac keyedMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException("HmacSHA256 is in every Java runtime", impossible);
        }
    }

    @Override
    public List<String> legacyHashes(ApiKeySecret secret) {
        return List.of(Sha256.hex(secret.value()));
    }
}
