package ai.zelto.adapters.persistence;

import ai.zelto.application.port.out.ChatSessionRepository;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.chat.ChatMessage;
import ai.zelto.domain.chat.ChatSession;
import ai.zelto.domain.chat.ChatSessionId;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.organization.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

final class JdbiChatSessionRepository implements ChatSessionRepository {
    private static final String COLUMNS = "id, organization_id, agent_id, user_id, metadata::text AS metadata, status,"
            + " created_at, last_activity_at, ended_at, ended_reason, message_count";
    private static final RowMapper<ChatSession> SESSION = (rs, ctx) -> session(rs);
    private static final RowMapper<ChatMessage> MESSAGE = (rs, ctx) -> new ChatMessage(
            ChatMessage.Role.parse(rs.getString("role")), rs.getString("text"),
            Rows.instant(rs, "created_at"));

    private final Handles handles;

    JdbiChatSessionRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void create(ChatSession session) {
        handles.with(handle -> handle.createUpdate("""
                        INSERT INTO chat_sessions (id, organization_id, agent_id, user_id, metadata, status, created_at,
                                                   last_activity_at, message_count)
                        VALUES (:id, :org, :agent, :user, CAST(:metadata AS jsonb), :status, :at, :at, 0)""")
                .bind("id", session.id().value())
                .bind("org", session.organizationId().value())
                .bind("agent", session.agentId().value())
                .bind("user", session.userId() == null ? null : session.userId().value())
                .bind("metadata", session.metadata())
                .bind("status", session.status().wireName())
                .bind("at", session.createdAt())
                .execute());
    }

    @Override
    public Optional<ChatSession> find(OrganizationId organizationId, ChatSessionId id) {
        return handles.with(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM chat_sessions WHERE organization_id = :org AND id = :id")
                .bind("org", organizationId.value())
                .bind("id", id.value())
                .map(SESSION).findOne());
    }

    @Override
    public Optional<ChatSession> findById(ChatSessionId id) {
        return handles.with(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM chat_sessions WHERE id = :id")
                .bind("id", id.value())
                .map(SESSION).findOne());
    }

    @Override
    public List<ChatMessage> messages(ChatSessionId id) {
        return handles.with(handle -> handle.createQuery("""
                        SELECT role, text, created_at FROM chat_messages WHERE session_id = :id ORDER BY seq""")
                .bind("id", id.value())
                .map(MESSAGE).list());
    }

    @Override
    public Claim claim(OrganizationId organizationId, ChatSessionId id, int maxMessages, Instant now,
                       Instant staleBefore) {
        return handles.with(handle -> {
            int claimed = handle.createUpdate("""
                            UPDATE chat_sessions SET replying_since = :now, last_activity_at = :now
                            WHERE organization_id = :org AND id = :id AND status = 'open'
                              AND message_count < :max
                              AND (replying_since IS NULL OR replying_since < :stale)""")
                    .bind("org", organizationId.value())
                    .bind("id", id.value())
                    .bind("max", maxMessages)
                    .bind("now", now)
                    .bind("stale", staleBefore)
                    .execute();
            if (claimed == 1) {
                return Claim.CLAIMED;
            }
            return handle.createQuery("""
                            SELECT status, message_count, replying_since FROM chat_sessions
                            WHERE organization_id = :org AND id = :id""")
                    .bind("org", organizationId.value())
                    .bind("id", id.value())
                    .map((rs, ctx) -> {
                        if (!"open".equals(rs.getString("status"))) {
                            return Claim.ENDED;
                        }
                        return rs.getInt("message_count") >= maxMessages ? Claim.FULL : Claim.BUSY;
                    })
                    .findOne().orElse(Claim.NOT_FOUND);
        });
    }

    @Override
    public void append(ChatSessionId id, ChatMessage message) {
        handles.inTransaction(() -> handles.with(handle -> {
            int seq = handle.createQuery("""
                            UPDATE chat_sessions SET message_count = message_count + 1, last_activity_at = :at
                            WHERE id = :id RETURNING message_count""")
                    .bind("id", id.value())
                    .bind("at", message.createdAt())
                    .mapTo(Integer.class).one();
            return handle.createUpdate("""
                            INSERT INTO chat_messages (session_id, seq, role, text, created_at)
                            VALUES (:id, :seq, :role, :text, :at)""")
                    .bind("id", id.value())
                    .bind("seq", seq)
                    .bind("role", message.role().wireName())
                    .bind("text", message.text())
                    .bind("at", message.createdAt())
                    .execute();
        }));
    }

    @Override
    public void release(ChatSessionId id, Instant now) {
        handles.with(handle -> handle.createUpdate("""
                        UPDATE chat_sessions SET replying_since = NULL, last_activity_at = :now WHERE id = :id""")
                .bind("id", id.value())
                .bind("now", now)
                .execute());
    }

    @Override
    public boolean end(ChatSessionId id, Instant now, String reason) {
        return handles.with(handle -> handle.createUpdate("""
                        UPDATE chat_sessions SET status = 'ended', ended_at = :now, ended_reason = :reason
                        WHERE id = :id AND status = 'open'""")
                .bind("id", id.value())
                .bind("now", now)
                .bind("reason", reason)
                .execute()) == 1;
    }

    @Override
    public boolean claimDelivery(ChatSessionId id, Instant now, Instant staleBefore) {
        return handles.with(handle -> handle.createUpdate("""
                        UPDATE chat_sessions SET handing_over_since = :now
                        WHERE id = :id AND status = 'ended' AND delivered_at IS NULL
                          AND (replying_since IS NULL OR replying_since < :stale)
                          AND (handing_over_since IS NULL OR handing_over_since < :stale)""")
                .bind("id", id.value())
                .bind("now", now)
                .bind("stale", staleBefore)
                .execute()) == 1;
    }

    @Override
    public void delivered(ChatSessionId id, Instant now) {
        handles.with(handle -> handle.createUpdate("UPDATE chat_sessions SET delivered_at = :now WHERE id = :id")
                .bind("id", id.value())
                .bind("now", now)
                .execute());
    }

    @Override
    public List<ChatSessionId> idle(Instant before, int limit) {
        return handles.with(handle -> handle.createQuery("""
                        SELECT id FROM chat_sessions
                        WHERE status = 'open' AND last_activity_at < :before AND replying_since IS NULL
                        ORDER BY last_activity_at LIMIT :limit""")
                .bind("before", before)
                .bind("limit", limit)
                .mapTo(UUID.class).map(ChatSessionId::new).list());
    }

    @Override
    public List<ChatSessionId> undelivered(Instant staleBefore, int limit) {
        return handles.with(handle -> handle.createQuery("""
                        SELECT id FROM chat_sessions
                        WHERE status = 'ended' AND delivered_at IS NULL
                          AND (handing_over_since IS NULL OR handing_over_since < :stale)
                        ORDER BY ended_at LIMIT :limit""")
                .bind("stale", staleBefore)
                .bind("limit", limit)
                .mapTo(UUID.class).map(ChatSessionId::new).list());
    }

    private static ChatSession session(ResultSet rs) throws SQLException {
        UUID user = rs.getObject("user_id", UUID.class);
        return new ChatSession(new ChatSessionId(rs.getObject("id", UUID.class)),
                new OrganizationId(rs.getObject("organization_id", UUID.class)),
                new AgentId(rs.getObject("agent_id", UUID.class)),
                user == null ? null : new UserId(user),
                rs.getString("metadata"),
                ChatSession.Status.parse(rs.getString("status")),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "last_activity_at"),
                Rows.instant(rs, "ended_at"),
                rs.getString("ended_reason"),
                rs.getInt("message_count"));
    }
}
