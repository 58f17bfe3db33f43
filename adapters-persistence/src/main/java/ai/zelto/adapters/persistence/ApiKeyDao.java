package ai.zelto.adapters.persistence;

import ai.zelto.domain.apikey.ApiKey;
import ai.zelto.domain.apikey.ApiKeyId;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.organization.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(ApiKeyDao.ApiKeyMapper.class)
interface ApiKeyDao {
    @SqlUpdate("""
            INSERT INTO api_keys (id, organization_id, user_id, name, display_prefix, secret_hash, created_at)
            VALUES (:id, :organizationId, :userId, :name, :displayPrefix, :secretHash, :createdAt)
            """)
    void insert(UUID id, UUID organizationId, UUID userId, String name, String displayPrefix, String secretHash,
                Instant createdAt);

    @SqlQuery("""
            SELECT id, organization_id, user_id, name, display_prefix, created_at, last_used_at, revoked_at
            FROM api_keys WHERE secret_hash = :secretHash
            """)
    Optional<ApiKey> findByHash(String secretHash);

    @SqlUpdate("UPDATE api_keys SET last_used_at = GREATEST(last_used_at, :at) WHERE id = :id")
    void recordUse(UUID id, Instant at);

    @SqlUpdate("UPDATE api_keys SET secret_hash = :secretHash WHERE id = :id")
    void rehash(UUID id, String secretHash);

    @SqlQuery("""
            SELECT id, organization_id, user_id, name, display_prefix, created_at, last_used_at, revoked_at
            FROM api_keys WHERE organization_id = :organizationId ORDER BY created_at DESC, id
            """)
    java.util.List<ApiKey> list(UUID organizationId);

    @SqlUpdate("""
            UPDATE api_keys SET revoked_at = :at
            WHERE organization_id = :organizationId AND id = :id AND revoked_at IS NULL
            """)
    int revoke(UUID organizationId, UUID id, Instant at);

    final class ApiKeyMapper implements RowMapper<ApiKey> {
        @Override
        public ApiKey map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ApiKey(new ApiKeyId(rs.getObject("id", UUID.class)),
                    new OrganizationId(rs.getObject("organization_id", UUID.class)),
                    new UserId(rs.getObject("user_id", UUID.class)), rs.getString("name"),
                    rs.getString("display_prefix"), Rows.instant(rs, "created_at"), Rows.instant(rs, "last_used_at"),
                    Rows.instant(rs, "revoked_at"));
        }
    }
}
