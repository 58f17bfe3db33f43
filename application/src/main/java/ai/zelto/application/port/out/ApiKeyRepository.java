package ai.zelto.application.port.out;

import ai.zelto.domain.apikey.ApiKey;
import ai.zelto.domain.apikey.ApiKeyId;
import java.time.Instant;
import java.util.Optional;

/** Stored API keys, found by the hash of their secret (an index lookup, never a scan). */
public interface ApiKeyRepository {
    void insert(ApiKey key, String secretHash);

    Optional<ApiKey> findByHash(String secretHash);

    void recordUse(ApiKeyId id, Instant at);
}
