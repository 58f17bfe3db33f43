package ai.zelto.adapters.persistence;

import ai.zelto.application.port.out.ConversationRepository;
import ai.zelto.application.readmodel.ConversationView;
import ai.zelto.domain.agent.Agent;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.conversation.Conversation;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.organization.OrganizationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Conversations with their transcript and metadata in jsonb columns: the write side. What the read API and the
 * console show is read by {@link JdbiConversationQueries}.
 */
final class JdbiConversationRepository implements ConversationRepository {
    private static final String COLUMNS = """
            c.id, c.organization_id, c.external_id, c.provider, c.agent_id, c.version, c.started_at, c.ended_at,
            c.duration_seconds, c.ended_reason, c.cost, c.recording_url, c.customer_number, c.customer_name,
            c.system_prompt, c.metadata::text AS metadata, c.transcript::text AS transcript, c.last_received_at,
            c.created_at, c.updated_at, c.sort_at""";
    static final String VIEW_COLUMNS = COLUMNS + """
            , a.external_id AS agent_external_id, a.provider AS agent_provider, a.name AS agent_name,
            a.created_at AS agent_created_at, NULL::timestamptz AS agent_last_call_at, """
            + JdbiRecordingRepository.COLUMNS;
    static final String VIEW_FROM = " FROM conversations c JOIN agents a ON a.id = c.agent_id"
            + " LEFT JOIN recordings r ON r.conversation_id = c.id";
    private static final RowMapper<Conversation> CONVERSATION = (rs, ctx) -> conversation(rs);
    static final RowMapper<Row> VIEW = (rs, ctx) -> new Row(new ConversationView(conversation(rs),
            Agent.found(new AgentId(Rows.uuid(rs, "agent_id")), new OrganizationId(Rows.uuid(rs, "organization_id")),
                    rs.getString("agent_provider"), rs.getString("agent_external_id"), rs.getString("agent_name"),
                    Rows.instant(rs, "agent_created_at"), Rows.instant(rs, "agent_last_call_at")),
            JdbiRecordingRepository.map(rs)), Rows.instant(rs, "sort_at"));

    private final Handles handles;

    JdbiConversationRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public Optional<Conversation> findByExternalId(OrganizationId organizationId, String externalId) {
        return handles.with(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM conversations c WHERE c.organization_id = :org AND c.external_id = :externalId")
                .bind("org", organizationId.value())
                .bind("externalId", externalId)
                .map(CONVERSATION)
                .findOne());
    }

    @Override
    public Optional<Conversation> findById(ConversationId id) {
        return handles.with(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM conversations c WHERE c.id = :id")
                .bind("id", id.value())
                .map(CONVERSATION)
                .findOne());
    }

    private static final String UPSERT = """
            INSERT INTO conversations (id, organization_id, external_id, provider, agent_id, version,
                started_at, ended_at, duration_seconds, ended_reason, cost, recording_url, customer_number,
                customer_name, system_prompt, metadata, transcript, last_received_at, created_at, updated_at)
            VALUES (:id, :org, :externalId, :provider, :agentId, :version, :startedAt, :endedAt,
                :durationSeconds, :endedReason, :cost, :recordingUrl, :customerNumber, :customerName,
                :systemPrompt, CAST(:metadata AS jsonb), CAST(:transcript AS jsonb), :lastReceivedAt,
                :createdAt, :updatedAt)
            ON CONFLICT (id) DO UPDATE SET provider = EXCLUDED.provider, agent_id = EXCLUDED.agent_id,
                version = EXCLUDED.version, started_at = EXCLUDED.started_at,
                ended_at = EXCLUDED.ended_at, duration_seconds = EXCLUDED.duration_seconds,
                ended_reason = EXCLUDED.ended_reason, cost = EXCLUDED.cost,
                recording_url = EXCLUDED.recording_url, customer_number = EXCLUDED.customer_number,
                customer_name = EXCLUDED.customer_name, system_prompt = EXCLUDED.system_prompt,
                metadata = EXCLUDED.metadata, transcript = EXCLUDED.transcript,
                last_received_at = EXCLUDED.last_received_at, updated_at = EXCLUDED.updated_at
            """;

    @Override
    public Map<String, Conversation> findByExternalIds(OrganizationId organizationId,
                                                       Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Conversation> found = new HashMap<>();
        handles.with(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM conversations c WHERE c.organization_id = :org AND c.external_id = ANY(:externalIds)")
                .bind("org", organizationId.value())
                .bindArray("externalIds", String.class, externalIds)
                .map(CONVERSATION)
                .list())
                .forEach(conversation -> found.put(conversation.externalId(), conversation));
        return found;
    }

    @Override
    public void save(Conversation c) {
        saveAll(List.of(c));
    }

    /** One round trip for all of them (a JDBC batch of the same upsert). */
    @Override
    public void saveAll(Collection<Conversation> all) {
        if (all.isEmpty()) {
            return;
        }
        handles.with(handle -> {
            PreparedBatch batch = handle.prepareBatch(UPSERT);
            for (Conversation c : all) {
                batch.bind("id", c.id().value())
                        .bind("org", c.organizationId().value())
                        .bind("externalId", c.externalId())
                        .bind("provider", c.provider())
                        .bind("agentId", c.agentId().value())
                        .bind("version", c.version())
                        .bind("startedAt", c.startedAt())
                        .bind("endedAt", c.endedAt())
                        .bind("durationSeconds", c.durationSeconds())
                        .bind("endedReason", c.endedReason())
                        .bind("cost", c.cost())
                        .bind("recordingUrl", c.recordingUrl())
                        .bind("customerNumber", c.customerNumber())
                        .bind("customerName", c.customerName())
                        .bind("systemPrompt", c.systemPrompt())
                        .bind("metadata", JsonColumns.object(c.metadata()))
                        .bind("transcript", JsonColumns.transcript(c.turns()))
                        .bind("lastReceivedAt", c.lastReceivedAt())
                        .bind("createdAt", c.createdAt())
                        .bind("updatedAt", c.updatedAt())
                        .add();
            }
            return batch.execute();
        });
    }

    private static Conversation conversation(ResultSet rs) throws SQLException {
        return Conversation.reconstitute()
                .id(new ConversationId(Rows.uuid(rs, "id")))
                .organizationId(new OrganizationId(Rows.uuid(rs, "organization_id")))
                .externalId(rs.getString("external_id"))
                .provider(rs.getString("provider"))
                .agentId(new AgentId(Rows.uuid(rs, "agent_id")))
                .version(rs.getString("version"))
                .startedAt(Rows.instant(rs, "started_at"))
                .endedAt(Rows.instant(rs, "ended_at"))
                .durationSeconds(rs.getBigDecimal("duration_seconds"))
                .endedReason(rs.getString("ended_reason"))
                .cost(rs.getBigDecimal("cost"))
                .recordingUrl(rs.getString("recording_url"))
                .customerNumber(rs.getString("customer_number"))
                .customerName(rs.getString("customer_name"))
                .systemPrompt(rs.getString("system_prompt"))
                .metadata(JsonColumns.object(rs.getString("metadata")))
                .turns(JsonColumns.transcript(rs.getString("transcript")))
                .lastReceivedAt(Rows.instant(rs, "last_received_at"))
                .createdAt(Rows.instant(rs, "created_at"))
                .updatedAt(Rows.instant(rs, "updated_at"))
                .build();
    }

    /** A conversation as the read side shows it, with its place in the list's order. */
    record Row(ConversationView view, Instant sortAt) {
    }
}
