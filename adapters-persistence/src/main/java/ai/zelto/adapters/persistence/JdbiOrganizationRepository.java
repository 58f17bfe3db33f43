package ai.zelto.adapters.persistence;

import ai.zelto.application.port.out.OrganizationRepository;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.organization.UserId;
import java.time.Instant;
import java.util.List;

final class JdbiOrganizationRepository implements OrganizationRepository {
    private final Handles handles;

    JdbiOrganizationRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public boolean isEmpty() {
        return handles.dao(OrganizationDao.class, d -> d.isEmpty());
    }

    @Override
    public void insert(OrganizationId id, String name, Instant createdAt) {
        handles.use(OrganizationDao.class, d -> d.insert(id.value(), name, createdAt));
    }

    @Override
    public void insertUser(UserId id, OrganizationId organizationId, String name, String role, Instant createdAt) {
        handles.use(OrganizationDao.class, d -> d.insertUser(id.value(), organizationId.value(), name, role, createdAt));
    }

    @Override
    public boolean exists(OrganizationId id) {
        return handles.dao(OrganizationDao.class, d -> d.exists(id.value()));
    }

    @Override
    public List<OrganizationId> all() {
        return handles.dao(OrganizationDao.class, d -> d.all().stream().map(OrganizationId::new).toList());
    }

    @Override
    public UserId owner(OrganizationId id) {
        return handles.dao(OrganizationDao.class, d -> d.owner(id.value()).map(UserId::new)
                .orElseThrow(() -> new IllegalStateException("organization " + id + " has no owner")));
    }

    @Override
    public void lockForBootstrap() {
        handles.dao(OrganizationDao.class, d -> d.lockForBootstrap());
    }
}
