package ai.zelto.application.port.out;

import ai.zelto.domain.apikey.ApiKeySecret;

/** Turns a key's secret into the value stored and looked up; equal secrets give equal hashes. */
public interface SecretHasher {
    String hash(ApiKeySecret secret);

    /** Hashes this hasher replaced, so keys stored before can still be found (and then re-hashed). */
    default java.util.List<String> legacyHashes(ApiKeySecret secret) {
        return java.util.List.of();
    }
}
