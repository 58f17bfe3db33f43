package ai.zelto.adapters.persistence;

import ai.zelto.application.port.out.PhoneCallRepository;
import ai.zelto.application.port.out.StartedCalls;
import ai.zelto.application.readmodel.PhoneCallFilter;
import ai.zelto.application.readmodel.PhoneCallView;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.phone.PhoneCall;
import ai.zelto.domain.phone.PhoneCallId;
import ai.zelto.domain.phone.WhatsAppEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

final class JdbiPhoneCallRepository implements PhoneCallRepository, StartedCalls {
    private static final String COLUMNS = "p.id, p.organization_id, p.channel, p.direction, p.status, p.from_number,"
            + " p.to_number, p.agent_id, p.room_name, p.provider_call_id, p.started_at, p.connected_at, p.ended_at,"
            + " p.duration_seconds, p.reason, p.ended_by_zelto";
    /** The call with its agent's names and its conversation (same organization, external id = room name). */
    private static final String VIEW = "SELECT " + COLUMNS + ", a.name AS agent_name,"
            + " a.external_id AS agent_external_id, c.id AS conversation_id FROM phone_calls p"
            + " LEFT JOIN agents a ON a.id = p.agent_id"
            + " LEFT JOIN conversations c ON c.organization_id = p.organization_id AND c.external_id = p.room_name";
    private static final RowMapper<PhoneCall> CALL = (rs, ctx) -> call(rs);
    private static final RowMapper<PhoneCallView> VIEW_ROW = (rs, ctx) -> {
        PhoneCall call = call(rs);
        String name = rs.getString("agent_name") != null ? rs.getString("agent_name")
                : rs.getString("agent_external_id") != null ? rs.getString("agent_external_id")
                : call.agentId() == null ? null : call.agentId().toString();
        UUID conversation = rs.getObject("conversation_id", UUID.class);
        return new PhoneCallView(call, name, conversation == null ? null : new ConversationId(conversation));
    };
    /** Events as jsonb: the record's own fields, nothing else. */
    private static final ObjectMapper EVENTS = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Handles handles;

    JdbiPhoneCallRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void insert(PhoneCall call) {
        handles.with(handle -> handle.createUpdate("""
                        INSERT INTO phone_calls (id, organization_id, channel, direction, status, from_number,
                                                 to_number, agent_id, room_name, provider_call_id, started_at,
                                                 connected_at, ended_at, duration_seconds, reason, ended_by_zelto)
                        VALUES (:id, :org, :channel, :direction, :status, :from, :to, :agent, :room, :providerId,
                                :startedAt, :connectedAt, :endedAt, :duration, :reason, :endedByZelto)""")
                .bind("id", call.id().value())
                .bind("org", call.organizationId().value())
                .bind("channel", call.channel().wireName())
                .bind("direction", call.direction().wireName())
                .bind("status", call.status().wireName())
                .bind("from", call.from())
                .bind("to", call.to())
                .bind("agent", call.agentId() == null ? null : call.agentId().value())
                .bind("room", call.roomName())
                .bind("providerId", call.providerCallId())
                .bind("startedAt", call.startedAt())
                .bind("connectedAt", call.connectedAt())
                .bind("endedAt", call.endedAt())
                .bind("duration", call.durationSeconds())
                .bind("reason", call.reason())
                .bind("endedByZelto", call.endedByZelto())
                .execute());
    }

    @Override
    public Optional<PhoneCallView> find(OrganizationId organizationId, PhoneCallId id) {
        return handles.with(handle -> handle.createQuery(VIEW + " WHERE p.organization_id = :org AND p.id = :id")
                .bind("org", organizationId.value())
                .bind("id", id.value())
                .map(VIEW_ROW).findOne());
    }

    @Override
    public Optional<PhoneCall> get(PhoneCallId id) {
        return handles.with(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM phone_calls p WHERE p.id = :id")
                .bind("id", id.value())
                .map(CALL).findOne());
    }

    @Override
    public Optional<PhoneCall> findByProviderCallId(PhoneCall.Channel channel, String providerCallId) {
        return handles.with(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM phone_calls p WHERE p.channel = :channel AND p.provider_call_id = :providerId")
                .bind("channel", channel.wireName())
                .bind("providerId", providerCallId)
                .map(CALL).findOne());
    }

    @Override
    public Optional<PhoneCall> findByRoom(String roomName) {
        return handles.with(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM phone_calls p WHERE p.room_name = :room")
                .bind("room", roomName)
                .map(CALL).findOne());
    }

    @Override
    public List<PhoneCallView> list(OrganizationId organizationId, PhoneCallFilter filter, int limit,
                                    Position after) {
        return handles.with(handle -> {
            Query query = handle.createQuery(VIEW + " WHERE p.organization_id = :org"
                            + (filter.channel() == null ? "" : " AND p.channel = :channel")
                            + (filter.direction() == null ? "" : " AND p.direction = :direction")
                            + (filter.agentId() == null ? "" : " AND p.agent_id = :agent")
                            + (filter.status() == null ? "" : " AND p.status = :status")
                            + (after == null ? "" : " AND (p.started_at, p.id) < (:afterAt, :afterId)")
                            + " ORDER BY p.started_at DESC, p.id DESC LIMIT :limit")
                    .bind("org", organizationId.value())
                    .bind("limit", limit);
            if (filter.channel() != null) {
                query.bind("channel", filter.channel().wireName());
            }
            if (filter.direction() != null) {
                query.bind("direction", filter.direction().wireName());
            }
            if (filter.agentId() != null) {
                query.bind("agent", filter.agentId().value());
            }
            if (filter.status() != null) {
                query.bind("status", filter.status().wireName());
            }
            if (after != null) {
                query.bind("afterAt", after.startedAt()).bind("afterId", after.id().value());
            }
            return query.map(VIEW_ROW).list();
        });
    }

    @Override
    public boolean identify(PhoneCallId id, String providerCallId) {
        return handles.with(handle -> handle.createUpdate("""
                        UPDATE phone_calls SET provider_call_id = :providerId
                        WHERE id = :id AND (provider_call_id IS NULL OR provider_call_id = :providerId)""")
                .bind("id", id.value())
                .bind("providerId", providerCallId)
                .execute()) == 1;
    }

    @Override
    public boolean advance(PhoneCallId id, PhoneCall.Status status, Instant at, String reason) {
        String[] from = status.reachableFrom().stream().map(PhoneCall.Status::wireName).toArray(String[]::new);
        return handles.with(handle -> handle.createUpdate("""
                        UPDATE phone_calls
                        SET status = :status,
                            connected_at = CASE WHEN :connected THEN COALESCE(connected_at, :at) ELSE connected_at END,
                            ended_at = CASE WHEN :final THEN COALESCE(ended_at, :at) ELSE ended_at END,
                            reason = COALESCE(reason, :reason)
                        WHERE id = :id AND status = ANY(:from)""")
                .bind("id", id.value())
                .bind("status", status.wireName())
                .bind("connected", status == PhoneCall.Status.CONNECTED)
                .bind("final", status.isFinal())
                .bind("at", at)
                .bind("reason", reason)
                .bind("from", from)
                .execute()) == 1;
    }

    @Override
    public void measured(PhoneCallId id, Integer durationSeconds, Instant endedAt) {
        handles.with(handle -> handle.createUpdate("""
                        UPDATE phone_calls SET duration_seconds = COALESCE(duration_seconds, :duration),
                                               ended_at = COALESCE(ended_at, :endedAt)
                        WHERE id = :id""")
                .bind("id", id.value())
                .bind("duration", durationSeconds)
                .bind("endedAt", endedAt)
                .execute());
    }

    @Override
    public void numbers(PhoneCallId id, String from, String to) {
        handles.with(handle -> handle.createUpdate("""
                        UPDATE phone_calls SET from_number = COALESCE(from_number, :from),
                                               to_number = COALESCE(to_number, :to)
                        WHERE id = :id""")
                .bind("id", id.value()).bind("from", from).bind("to", to).execute());
    }

    @Override
    public void endedByZelto(PhoneCallId id) {
        handles.with(handle -> handle.createUpdate("UPDATE phone_calls SET ended_by_zelto = true WHERE id = :id")
                .bind("id", id.value()).execute());
    }

    @Override
    public boolean firstTime(String key, OrganizationId organizationId, Instant at) {
        return handles.with(handle -> handle.createUpdate("""
                        INSERT INTO phone_call_events (key, organization_id, received_at, done_at)
                        VALUES (:key, :org, :at, :at) ON CONFLICT (key) DO NOTHING""")
                .bind("key", key)
                .bind("org", organizationId.value())
                .bind("at", at)
                .execute()) == 1;
    }

    @Override
    public boolean keep(String key, OrganizationId organizationId, WhatsAppEvent event, Instant at) {
        String json;
        try {
            json = EVENTS.writeValueAsString(event);
        } catch (JsonProcessingException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
        return handles.with(handle -> handle.createUpdate("""
                        INSERT INTO phone_call_events (key, organization_id, event, received_at)
                        VALUES (:key, :org, CAST(:event AS jsonb), :at) ON CONFLICT (key) DO NOTHING""")
                .bind("key", key)
                .bind("org", organizationId.value())
                .bind("event", json)
                .bind("at", at)
                .execute()) == 1;
    }

    @Override
    public Optional<PendingEvent> claim(String key, Instant now, Duration lease) {
        return handles.with(handle -> handle.createQuery("""
                        UPDATE phone_call_events SET claimed_at = :now
                        WHERE key = :key AND done_at IS NULL AND event IS NOT NULL
                          AND (claimed_at IS NULL OR claimed_at < :staleBefore)
                        RETURNING key, organization_id, CAST(event AS text) AS event""")
                .bind("key", key)
                .bind("now", now)
                .bind("staleBefore", now.minus(lease))
                .map((rs, ctx) -> new PendingEvent(rs.getString("key"),
                        new OrganizationId(Rows.uuid(rs, "organization_id")), event(rs.getString("event"))))
                .findOne());
    }

    private static WhatsAppEvent event(String json) {
        try {
            return EVENTS.readValue(json, WhatsAppEvent.class);
        } catch (JsonProcessingException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    @Override
    public List<String> unfinished(Instant before, int limit) {
        return handles.with(handle -> handle.createQuery("""
                        SELECT key FROM phone_call_events WHERE done_at IS NULL AND received_at < :before
                        ORDER BY received_at LIMIT :limit""")
                .bind("before", before)
                .bind("limit", limit)
                .mapTo(String.class).list());
    }

    @Override
    public void done(String key, Instant at) {
        handles.with(handle -> handle.createUpdate("UPDATE phone_call_events SET done_at = :at WHERE key = :key")
                .bind("key", key).bind("at", at).execute());
    }

    @Override
    public int forgetEvents(Instant before, int limit) {
        return handles.with(handle -> handle.createUpdate("""
                        DELETE FROM phone_call_events WHERE key IN (
                            SELECT key FROM phone_call_events
                            WHERE done_at IS NOT NULL AND received_at < :before LIMIT :limit)""")
                .bind("before", before).bind("limit", limit).execute());
    }

    @Override
    public Optional<Started> startedCall(OrganizationId organizationId, String externalId) {
        return handles.with(handle -> handle.createQuery("""
                        SELECT agent_id, direction, from_number, to_number FROM phone_calls
                        WHERE room_name = :room AND organization_id = :org AND agent_id IS NOT NULL""")
                .bind("room", externalId)
                .bind("org", organizationId.value())
                .map((rs, ctx) -> new Started(new AgentId(Rows.uuid(rs, "agent_id")),
                        rs.getString("direction").equals(PhoneCall.Direction.INBOUND.wireName())
                                ? rs.getString("from_number") : rs.getString("to_number")))
                .findOne());
    }

    private static PhoneCall call(ResultSet rs) throws SQLException {
        UUID agent = rs.getObject("agent_id", UUID.class);
        Object duration = rs.getObject("duration_seconds");
        return new PhoneCall(new PhoneCallId(Rows.uuid(rs, "id")), new OrganizationId(Rows.uuid(rs, "organization_id")),
                PhoneCall.Channel.parse(rs.getString("channel")), PhoneCall.Direction.parse(rs.getString("direction")),
                PhoneCall.Status.parse(rs.getString("status")), rs.getString("from_number"),
                rs.getString("to_number"), agent == null ? null : new AgentId(agent), rs.getString("room_name"),
                rs.getString("provider_call_id"), Rows.instant(rs, "started_at"), Rows.instant(rs, "connected_at"),
                Rows.instant(rs, "ended_at"), duration == null ? null : ((Number) duration).intValue(),
                rs.getString("reason"), rs.getBoolean("ended_by_zelto"));
    }
}
