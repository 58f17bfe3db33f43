package ai.zelto.application.port.out;

import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.organization.UserId;
import java.time.Instant;
import java.util.List;

/** Organizations and their users. */
public interface OrganizationRepository {
    /** Whether any organization exists yet (the first start creates one). */
    boolean isEmpty();

    void insert(OrganizationId id, String name, Instant createdAt);

    void insertUser(UserId id, OrganizationId organizationId, String name, String role, Instant createdAt);

    boolean exists(OrganizationId id);

    /** All organizations' ids, oldest first. */
    List<OrganizationId> all();

    /** The owner of the organization: the user that org-level keys act as. */
    UserId owner(OrganizationId id);

    /**
     * Takes a lock that serializes first-start bootstrapping across app copies, held until the current
     * transaction ends.
     */
    void lockForBootstrap();
}
