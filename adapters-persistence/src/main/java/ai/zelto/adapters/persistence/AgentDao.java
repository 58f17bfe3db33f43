package ai.zelto.adapters.persistence;

import ai.zelto.domain.agent.Agent;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.agent.Architecture;
import ai.zelto.domain.organization.OrganizationId;
import java.math.BigDecimal;
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

@RegisterRowMapper(AgentDao.AgentMapper.class)
@RegisterRowMapper(AgentDao.VersionRow.Mapper.class)
interface AgentDao {
    /** An agent's last call is derived from its conversations: processing never writes agent rows. */
    String COLUMNS = "id, organization_id, provider, external_id, name, architecture, livekit_agent_name,"
            + " system_prompt, model, created_at,"
            + " (SELECT max(c.last_received_at) FROM conversations c WHERE c.agent_id = agents.id) AS last_call_at";

    @SqlQuery("SELECT " + COLUMNS + " FROM agents WHERE organization_id = :organizationId AND id = :id")
    Optional<Agent> find(UUID organizationId, UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM agents WHERE organization_id = :organizationId"
            + " ORDER BY 10 DESC NULLS LAST, created_at DESC, id")
    List<Agent> list(UUID organizationId);

    /** Find-or-create in one statement; a stored agent without a name takes this one. */
    @SqlQuery("""
            INSERT INTO agents (id, organization_id, provider, external_id, name, created_at)
            VALUES (:id, :organizationId, :provider, :externalId, :name, :createdAt)
            ON CONFLICT (organization_id, provider, external_id)
            DO UPDATE SET name = COALESCE(agents.name, EXCLUDED.name)
            RETURNING\s""" + COLUMNS)
    Agent findOrCreate(UUID id, UUID organizationId, String provider, String externalId, String name,
                       Instant createdAt);

    /** @return 0 when another agent of the organization and provider has this external id */
    @SqlUpdate("""
            INSERT INTO agents (id, organization_id, provider, external_id, name, architecture, livekit_agent_name,
                                system_prompt, model, created_at)
            VALUES (:id, :organizationId, :provider, :externalId, :name, :architecture, :livekitAgentName,
                    :systemPrompt, :model, :createdAt)
            ON CONFLICT (organization_id, provider, external_id) DO NOTHING""")
    int insert(UUID id, UUID organizationId, String provider, String externalId, String name, String architecture,
               String livekitAgentName, String systemPrompt, String model, Instant createdAt);

    /** @return 0 when another agent of the organization and provider has this external id */
    @SqlUpdate("""
            UPDATE agents SET external_id = :externalId, name = :name, architecture = :architecture,
                              livekit_agent_name = :livekitAgentName, system_prompt = :systemPrompt, model = :model
            WHERE organization_id = :organizationId AND id = :id
              AND NOT EXISTS (SELECT 1 FROM agents other WHERE other.organization_id = :organizationId
                              AND other.provider = agents.provider AND other.external_id = :externalId
                              AND other.id <> :id)""")
    int update(UUID id, UUID organizationId, String externalId, String name, String architecture,
               String livekitAgentName, String systemPrompt, String model);

    /** Figures per agent, version and ended reason: the repository sums them per version. */
    @SqlQuery("""
            SELECT agent_id, version, ended_reason, count(*) AS calls, sum(duration_seconds) AS duration_sum,
                   count(duration_seconds) AS durations, COALESCE(sum(cost), 0) AS total_cost,
                   min(sort_at) AS first_seen, max(sort_at) AS last_seen
            FROM conversations
            WHERE organization_id = :organizationId AND agent_id = ANY(:agentIds)
            GROUP BY agent_id, version, ended_reason
            """)
    List<VersionRow> versions(UUID organizationId, UUID[] agentIds);

    record VersionRow(UUID agentId, String version, String endedReason, long calls, BigDecimal durationSum,
                      long durations, BigDecimal totalCost, Instant firstSeen, Instant lastSeen) {
        public static final class Mapper implements RowMapper<VersionRow> {
            @Override
            public VersionRow map(ResultSet rs, StatementContext ctx) throws SQLException {
                return new VersionRow(Rows.uuid(rs, "agent_id"), rs.getString("version"), rs.getString("ended_reason"),
                        rs.getLong("calls"), rs.getBigDecimal("duration_sum"), rs.getLong("durations"),
                        rs.getBigDecimal("total_cost"), Rows.instant(rs, "first_seen"), Rows.instant(rs, "last_seen"));
            }
        }
    }

    final class AgentMapper implements RowMapper<Agent> {
        @Override
        public Agent map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Agent(new AgentId(Rows.uuid(rs, "id")), new OrganizationId(Rows.uuid(rs, "organization_id")),
                    rs.getString("provider"), rs.getString("external_id"), rs.getString("name"),
                    architecture(rs.getString("architecture")), rs.getString("livekit_agent_name"),
                    rs.getString("system_prompt"), rs.getString("model"), Rows.instant(rs, "created_at"),
                    Rows.instant(rs, "last_call_at"));
        }

        static Architecture architecture(String stored) {
            return stored == null ? null : Architecture.parse(stored).orElse(null);
        }
    }
}
