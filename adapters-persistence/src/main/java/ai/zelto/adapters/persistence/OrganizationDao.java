package ai.zelto.adapters.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface OrganizationDao {
    /** Any constant shared by all copies of the app; serializes the first-start bootstrap. */
    long BOOTSTRAP_LOCK = 0x7A656C746FL;

    @SqlUpdate("INSERT INTO organizations (id, name, created_at) VALUES (:id, :name, :createdAt)")
    void insert(UUID id, String name, Instant createdAt);

    @SqlUpdate("""
            INSERT INTO users (id, organization_id, name, role, created_at)
            VALUES (:id, :organizationId, :name, :role, :createdAt)
            """)
    void insertUser(UUID id, UUID organizationId, String name, String role, Instant createdAt);

    @SqlQuery("SELECT NOT EXISTS (SELECT 1 FROM organizations)")
    boolean isEmpty();

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM organizations WHERE id = :id)")
    boolean exists(UUID id);

    @SqlQuery("SELECT id FROM organizations ORDER BY created_at, id")
    List<UUID> all();

    @SqlQuery("""
            SELECT id FROM users WHERE organization_id = :organizationId AND role = 'owner'
            ORDER BY created_at, id LIMIT 1
            """)
    Optional<UUID> owner(UUID organizationId);

    @SqlQuery("SELECT pg_advisory_xact_lock(" + BOOTSTRAP_LOCK + ") IS NOT NULL")
    boolean lockForBootstrap();
}
