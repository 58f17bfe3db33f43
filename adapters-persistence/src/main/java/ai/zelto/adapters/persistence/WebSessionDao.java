package ai.zelto.adapters.persistence;

import ai.zelto.application.port.out.WebSessionRepository.StoredSession;
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

@RegisterRowMapper(WebSessionDao.SessionMapper.class)
interface WebSessionDao {
    @SqlUpdate("""
            INSERT INTO web_sessions (token_hash, user_id, csrf_token, created_at, last_seen_at)
            VALUES (:tokenHash, :userId, :csrfToken, :createdAt, :lastSeenAt)
            """)
    void insert(String tokenHash, UUID userId, String csrfToken, Instant createdAt, Instant lastSeenAt);

    @SqlQuery("SELECT token_hash, user_id, csrf_token, created_at, last_seen_at FROM web_sessions"
            + " WHERE token_hash = :tokenHash")
    Optional<StoredSession> find(String tokenHash);

    @SqlUpdate("UPDATE web_sessions SET last_seen_at = GREATEST(last_seen_at, :at) WHERE token_hash = :tokenHash")
    void touch(String tokenHash, Instant at);

    @SqlUpdate("DELETE FROM web_sessions WHERE token_hash = :tokenHash")
    void delete(String tokenHash);

    @SqlUpdate("DELETE FROM web_sessions WHERE user_id = :userId")
    void deleteAllOf(UUID userId);

    @SqlUpdate("DELETE FROM web_sessions WHERE last_seen_at < :idleBefore OR created_at < :createdBefore")
    int deleteExpired(Instant idleBefore, Instant createdBefore);

    @SqlUpdate("INSERT INTO login_failures (email, address, at) VALUES (:email, :address, :at)")
    void recordLoginFailure(String email, String address, Instant at);

    @SqlQuery("SELECT count(*) FROM login_failures WHERE email = :email AND at >= :since")
    int failuresForEmail(String email, Instant since);

    @SqlQuery("SELECT count(*) FROM login_failures WHERE address = :address AND at >= :since")
    int failuresFromAddress(String address, Instant since);

    @SqlUpdate("DELETE FROM login_failures WHERE at < :before")
    void pruneLoginFailures(Instant before);

    final class SessionMapper implements RowMapper<StoredSession> {
        @Override
        public StoredSession map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new StoredSession(rs.getString("token_hash"), new UserId(Rows.uuid(rs, "user_id")),
                    rs.getString("csrf_token"), Rows.instant(rs, "created_at"), Rows.instant(rs, "last_seen_at"));
        }
    }
}
