package ai.zelto.application.port.in.apikey;

import ai.zelto.domain.apikey.ApiKey;
import ai.zelto.domain.apikey.ApiKeySecret;

/** A new key with its secret, to be shown once. */
public record CreatedApiKey(ApiKey key, ApiKeySecret secret) {
}
