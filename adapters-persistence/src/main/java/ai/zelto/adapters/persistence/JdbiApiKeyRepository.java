package ai.zelto.adapters.persistence;

import ai.zelto.application.port.out.ApiKeyRepository;
import ai.zelto.domain.apikey.ApiKey;
import ai.zelto.domain.apikey.ApiKeyId;
import java.time.Instant;
import java.util.Optional;

final class JdbiApiKeyRepository implements ApiKeyRepository {
    private final Handles handles;

    JdbiApiKeyRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void insert(ApiKey key, String secretHash) {
        handles.use(ApiKeyDao.class, d -> d.insert(key.id().value(), key.organizationId().value(), key.userId().value(), key.name(),
                key.displayPrefix(), secretHash, key.createdAt()));
    }

    @Override
    public Optional<ApiKey> findByHash(String secretHash) {
        return handles.dao(ApiKeyDao.class, d -> d.findByHash(secretHash));
    }

    @Override
    public void recordUse(ApiKeyId id, Instant at) {
        handles.use(ApiKeyDao.class, d -> d.recordUse(id.value(), at));
    }

    @Override
    public void rehash(ApiKeyId id, String secretHash) {
        handles.use(ApiKeyDao.class, d -> d.rehash(id.value(), secretHash));
    }

    @Override
    public java.util.List<ApiKey> list(ai.zelto.domain.organization.OrganizationId organizationId) {
        return handles.dao(ApiKeyDao.class, d -> d.list(organizationId.value()));
    }

    @Override
    public boolean revoke(ai.zelto.domain.organization.OrganizationId organizationId, ApiKeyId id, Instant at) {
        return handles.dao(ApiKeyDao.class, d -> d.revoke(organizationId.value(), id.value(), at)) > 0;
    }
}
