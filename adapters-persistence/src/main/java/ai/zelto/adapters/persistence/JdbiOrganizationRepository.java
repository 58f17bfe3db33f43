package ai.zelto.adapters.persistence;

import ai.zelto.application.port.out.OrganizationRepository;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.organization.UserId;
import java.time.Instant;
import java.util.List;

final class JdbiOrganizationRepository implements OrganizationRepository {
    private final OrganizationDao dao;

    JdbiOrganizationRepository(OrganizationDao dao) {
        this.dao = dao;
    }

    @Override
    public boolean isEmpty() {
        return dao.isEmpty();
    }

    @Override
    public void insert(OrganizationId id, String name, Instant createdAt) {
        dao.insert(id.value(), name, createdAt);
    }

    @Override
    public void insertUser(UserId id, OrganizationId organizationId, String name, String role, Instant createdAt) {
        dao.insertUser(id.value(), organizationId.value(), name, role, createdAt);
    }

    @Override
    public boolean exists(OrganizationId id) {
        return dao.exists(id.value());
    }

    @Override
    public List<OrganizationId> all() {
        return dao.all().stream().map(OrganizationId::new).toList();
    }

    @Override
    public UserId owner(OrganizationId id) {
        return dao.owner(id.value()).map(UserId::new)
                .orElseThrow(() -> new IllegalStateException("organization " + id + " has no owner"));
    }

    @Override
    public void lockForBootstrap() {
        dao.lockForBootstrap();
    }
}
