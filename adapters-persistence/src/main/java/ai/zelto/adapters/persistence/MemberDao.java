package ai.zelto.adapters.persistence;

import ai.zelto.application.port.out.MemberRepository.SetupToken;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.organization.UserId;
import ai.zelto.domain.user.Email;
import ai.zelto.domain.user.Member;
import ai.zelto.domain.user.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(MemberDao.MemberMapper.class)
interface MemberDao {
    String COLUMNS = "id, organization_id, email, name, role, password_hash IS NOT NULL AS has_password, created_at";

    @SqlUpdate("""
            INSERT INTO users (id, organization_id, email, name, role, created_at)
            VALUES (:id, :organizationId, :email, :name, :role, :createdAt)
            ON CONFLICT (lower(email)) WHERE email IS NOT NULL AND removed_at IS NULL DO NOTHING
            """)
    int insert(UUID id, UUID organizationId, String email, String name, String role, Instant createdAt);

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id AND removed_at IS NULL")
    Optional<Member> find(UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE lower(email) = :email AND removed_at IS NULL")
    Optional<Member> findByEmail(String email);

    @SqlQuery("SELECT password_hash FROM users WHERE id = :id")
    Optional<String> passwordHash(UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE organization_id = :organizationId AND removed_at IS NULL"
            + " ORDER BY created_at, id")
    List<Member> list(UUID organizationId);

    @SqlUpdate("""
            UPDATE users SET email = :email, name = :name, password_hash = :passwordHash
            WHERE id = :id AND removed_at IS NULL AND NOT EXISTS (
                SELECT 1 FROM users other WHERE lower(other.email) = :email AND other.removed_at IS NULL
                AND other.id <> :id)
            """)
    int setLogin(UUID id, String email, String name, String passwordHash);

    @SqlUpdate("UPDATE users SET role = :role WHERE id = :id")
    void setRole(UUID id, String role);

    @SqlUpdate("UPDATE users SET removed_at = :at WHERE id = :id")
    void remove(UUID id, Instant at);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM users WHERE password_hash IS NOT NULL AND removed_at IS NULL)")
    boolean anyoneCanSignIn();

    @SqlUpdate("""
            INSERT INTO setup_tokens (token_hash, user_id, purpose, created_at, expires_at)
            VALUES (:tokenHash, :userId, :purpose, :createdAt, :expiresAt)
            """)
    void insertSetupToken(String tokenHash, UUID userId, String purpose, Instant createdAt, Instant expiresAt);

    @SqlQuery("SELECT user_id, purpose, expires_at FROM setup_tokens WHERE token_hash = :tokenHash")
    @RegisterRowMapper(SetupTokenMapper.class)
    Optional<SetupToken> findSetupToken(String tokenHash);

    @SqlUpdate("DELETE FROM setup_tokens WHERE user_id = :userId")
    void deleteSetupTokens(UUID userId);

    final class MemberMapper implements RowMapper<Member> {
        @Override
        public Member map(ResultSet rs, StatementContext ctx) throws SQLException {
            String email = rs.getString("email");
            return new Member(new UserId(Rows.uuid(rs, "id")), new OrganizationId(Rows.uuid(rs, "organization_id")),
                    email == null ? null : new Email(email), rs.getString("name"),
                    Role.fromWireName(rs.getString("role")).orElseThrow(), rs.getBoolean("has_password"),
                    Rows.instant(rs, "created_at"));
        }
    }

    final class SetupTokenMapper implements RowMapper<SetupToken> {
        @Override
        public SetupToken map(ResultSet rs, StatementContext ctx)
                throws SQLException {
            return new SetupToken(new UserId(Rows.uuid(rs, "user_id")),
                    rs.getString("purpose"), Rows.instant(rs, "expires_at"));
        }
    }
}
