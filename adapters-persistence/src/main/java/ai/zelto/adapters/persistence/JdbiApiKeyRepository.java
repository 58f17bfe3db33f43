package ai.zelto.adapters.persistence;

import ai.zelto.application.port.out.ApiKeyRepository;
import ai.zelto.domain.apikey.ApiKey;
import ai.zelto.domain.apikey.ApiKeyId;
import java.time.Instant;
import java.util.Optional;

final class JdbiApiKeyRepository implements ApiKeyRepository {
    private final ApiKeyDao dao;

    JdbiApiKeyRepository(ApiKeyDao dao) {
        this.dao = dao;
    }

    @Override
    public void insert(ApiKey key, String secretHash) {
        dao.insert(key.id().value(), key.organizationId().value(), key.userId().value(), key.name(),
                key.displayPrefix(), secretHash, key.createdAt());
    }

    @Override
    public Optional<ApiKey> findByHash(String secretHash) {
        return dao.findByHash(secretHash);
    }

    @Override
    public void recordUse(ApiKeyId id, Instant at) {
        dao.recordUse(id.value(), at);
    }
}
