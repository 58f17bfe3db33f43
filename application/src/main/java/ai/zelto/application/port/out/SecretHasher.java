package ai.zelto.application.port.out;

import ai.zelto.domain.apikey.ApiKeySecret;

/** Turns a key's secret into the value stored and looked up; equal secrets give equal hashes. */
public interface SecretHasher {
    String hash(ApiKeySecret secret);
}
