package ai.zelto.adapters.persistence;

import ai.zelto.application.port.out.StartedCalls;
import ai.zelto.application.port.out.VoiceSessionRepository;
import ai.zelto.application.readmodel.VoiceSessionView;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.organization.UserId;
import ai.zelto.domain.voice.VoiceSession;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

final class JdbiVoiceSessionRepository implements VoiceSessionRepository, StartedCalls {
    private static final String COLUMNS = "s.room_name, s.organization_id, s.agent_id, s.user_id, s.status,"
            + " s.created_at, s.started_at, s.ended_at";
    /** The session with its agent's names and its conversation (same organization, external id = room name). */
    private static final String VIEW = "SELECT " + COLUMNS + ", a.name AS agent_name, a.external_id AS agent_external_id,"
            + " c.id AS conversation_id FROM voice_sessions s JOIN agents a ON a.id = s.agent_id"
            + " LEFT JOIN conversations c ON c.organization_id = s.organization_id AND c.external_id = s.room_name";
    private static final RowMapper<VoiceSession> SESSION = (rs, ctx) -> session(rs);
    private static final RowMapper<VoiceSessionView> VIEW_ROW = (rs, ctx) -> {
        VoiceSession session = session(rs);
        String name = rs.getString("agent_name") != null ? rs.getString("agent_name")
                : rs.getString("agent_external_id") != null ? rs.getString("agent_external_id")
                : session.agentId().toString();
        UUID conversation = rs.getObject("conversation_id", UUID.class);
        return new VoiceSessionView(session, name, conversation == null ? null : new ConversationId(conversation));
    };

    private final Handles handles;

    JdbiVoiceSessionRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public boolean insertWithinLimit(VoiceSession session, int max, Instant now) {
        return handles.inTransaction(() -> handles.with(handle -> {
            // one start per organization at a time: the count and the insert must see the same sessions
            handle.createQuery("SELECT id FROM organizations WHERE id = :org FOR UPDATE")
                    .bind("org", session.organizationId().value()).mapTo(UUID.class).findOne();
            long open = handle.createQuery("""
                            SELECT count(*) FROM voice_sessions
                            WHERE organization_id = :org AND status <> 'ended'
                              AND (status = 'active' OR created_at > :tokenSince)""")
                    .bind("org", session.organizationId().value())
                    .bind("tokenSince", now.minus(VoiceSession.TOKEN_VALIDITY))
                    .mapTo(Long.class).one();
            if (open >= max) {
                return false;
            }
            handle.createUpdate("""
                            INSERT INTO voice_sessions (room_name, organization_id, agent_id, user_id, status,
                                                        created_at, started_at, ended_at)
                            VALUES (:room, :org, :agent, :user, :status, :createdAt, :startedAt, :endedAt)""")
                    .bind("room", session.roomName())
                    .bind("org", session.organizationId().value())
                    .bind("agent", session.agentId().value())
                    .bind("user", session.userId().value())
                    .bind("status", session.status().wireName())
                    .bind("createdAt", session.createdAt())
                    .bind("startedAt", session.startedAt())
                    .bind("endedAt", session.endedAt())
                    .execute();
            return true;
        }));
    }

    @Override
    public void delete(String roomName) {
        handles.with(handle -> handle.createUpdate("DELETE FROM voice_sessions WHERE room_name = :room")
                .bind("room", roomName).execute());
    }

    @Override
    public Optional<VoiceSessionView> find(OrganizationId organizationId, String roomName) {
        return handles.with(handle -> handle.createQuery(VIEW
                        + " WHERE s.organization_id = :org AND s.room_name = :room")
                .bind("org", organizationId.value())
                .bind("room", roomName)
                .map(VIEW_ROW).findOne());
    }

    @Override
    public Optional<VoiceSession> findByRoom(String roomName) {
        return handles.with(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM voice_sessions s WHERE s.room_name = :room")
                .bind("room", roomName)
                .map(SESSION).findOne());
    }

    @Override
    public List<VoiceSessionView> list(OrganizationId organizationId, AgentId agentId, int limit, Position after) {
        return handles.with(handle -> {
            Query query = handle.createQuery(VIEW + " WHERE s.organization_id = :org"
                            + (agentId == null ? "" : " AND s.agent_id = :agent")
                            + (after == null ? "" : " AND (s.created_at, s.room_name) < (:afterAt, :afterRoom)")
                            + " ORDER BY s.created_at DESC, s.room_name DESC LIMIT :limit")
                    .bind("org", organizationId.value())
                    .bind("limit", limit);
            if (agentId != null) {
                query.bind("agent", agentId.value());
            }
            if (after != null) {
                query.bind("afterAt", after.createdAt()).bind("afterRoom", after.roomName());
            }
            return query.map(VIEW_ROW).list();
        });
    }

    @Override
    public void started(String roomName, Instant at) {
        handles.with(handle -> handle.createUpdate("""
                        UPDATE voice_sessions
                        SET started_at = COALESCE(started_at, :at),
                            status = CASE WHEN status = 'created' THEN 'active' ELSE status END
                        WHERE room_name = :room""")
                .bind("room", roomName).bind("at", at).execute());
    }

    @Override
    public void ended(String roomName, Instant at) {
        handles.with(handle -> handle.createUpdate("""
                        UPDATE voice_sessions SET ended_at = COALESCE(ended_at, :at), status = 'ended'
                        WHERE room_name = :room""")
                .bind("room", roomName).bind("at", at).execute());
    }

    @Override
    public Optional<Started> startedCall(OrganizationId organizationId, String externalId) {
        return handles.with(handle -> handle.createQuery(
                        "SELECT agent_id FROM voice_sessions WHERE room_name = :room AND organization_id = :org")
                .bind("room", externalId)
                .bind("org", organizationId.value())
                .mapTo(UUID.class).findOne().map(agent -> new Started(new AgentId(agent), null)));
    }

    @Override
    public boolean seen(String eventId) {
        return handles.with(handle -> handle.createQuery("SELECT 1 FROM livekit_webhook_events WHERE id = :id")
                .bind("id", eventId).mapTo(Integer.class).findOne().isPresent());
    }

    @Override
    public void remember(String eventId, Instant at) {
        handles.with(handle -> handle.createUpdate("""
                        INSERT INTO livekit_webhook_events (id, received_at) VALUES (:id, :at)
                        ON CONFLICT (id) DO NOTHING""")
                .bind("id", eventId).bind("at", at).execute());
    }

    @Override
    public int forgetWebhookEvents(Instant before, int limit) {
        return handles.with(handle -> handle.createUpdate("""
                        DELETE FROM livekit_webhook_events WHERE id IN (
                            SELECT id FROM livekit_webhook_events WHERE received_at < :before LIMIT :limit)""")
                .bind("before", before).bind("limit", limit).execute());
    }

    private static VoiceSession session(ResultSet rs) throws SQLException {
        return new VoiceSession(rs.getString("room_name"), new OrganizationId(Rows.uuid(rs, "organization_id")),
                new AgentId(Rows.uuid(rs, "agent_id")), new UserId(Rows.uuid(rs, "user_id")),
                VoiceSession.Status.parse(rs.getString("status")), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "started_at"), Rows.instant(rs, "ended_at"));
    }
}
