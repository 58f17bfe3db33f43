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

    /** Replaces a key's stored hash (moving it to the current hashing). */
    void rehash(ApiKeyId id, String secretHash);

    /** The organization's keys, newest first. */
    java.util.List<ApiKey> list(ai.zelto.domain.organization.OrganizationId organizationId);

    /** Revokes the key if it belongs to the organization and is active; returns whether it did. */
    boolean revoke(ai.zelto.domain.organization.OrganizationId organizationId, ApiKeyId id, Instant at);
}
