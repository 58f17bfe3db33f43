package ai.zelto.adapters.mcp;

import ai.zelto.application.port.in.agent.GetAgentUseCase;
import ai.zelto.application.readmodel.AgentView;
import ai.zelto.application.readmodel.VersionStats;
import ai.zelto.domain.agent.Agent;
import ai.zelto.domain.agent.AgentId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An agent and its versions' figures as the agent tools show them. */
final class AgentFigures {
    /** Ended reasons shown per version; the rest are counted in {@code otherEndedReasons}. */
    static final int MAX_REASONS = 10;

    private AgentFigures() {
    }

    /** The caller's agent with that id, or a {@link ToolError} that says where ids come from. */
    static AgentView agent(GetAgentUseCase agents, ZeltoTool.Caller caller, String id) {
        return AgentId.tryParse(id).flatMap(agentId -> agents.getAgent(caller.key().organizationId(), agentId))
                .orElseThrow(() -> new ToolError("no agent of this organization has the id '" + id
                        + "': take one from list_agents"));
    }

    static Map<String, Object> agent(Agent agent, ZeltoTool.Caller caller) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", agent.id().toString());
        row.put("name", agent.displayName());
        row.put("provider", agent.provider());
        row.put("externalId", agent.externalId());
        row.put("architecture", agent.architecture() == null ? null : agent.architecture().wireName());
        row.put("livekitAgentName", agent.livekitAgentName());
        row.put("lastCallAt", agent.lastCallAt() == null ? null : agent.lastCallAt().toString());
        row.put("url", caller.url("/agents/" + agent.id()));
        return row;
    }

    static Map<String, Object> version(Agent agent, VersionStats stats, ZeltoTool.Caller caller) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("version", stats.version());
        row.put("calls", stats.calls());
        row.put("avgDurationSeconds", stats.avgDurationSeconds());
        row.put("totalCost", stats.totalCost());
        row.put("firstSeenAt", stats.firstSeenAt() == null ? null : stats.firstSeenAt().toString());
        row.put("lastSeenAt", stats.lastSeenAt() == null ? null : stats.lastSeenAt().toString());
        Map<String, Long> reasons = new LinkedHashMap<>();
        long other = 0;
        for (Map.Entry<String, Long> reason : stats.endedReasons().entrySet()) {
            if (reasons.size() < MAX_REASONS) {
                reasons.put(reason.getKey().isEmpty() ? "(none given)" : reason.getKey(), reason.getValue());
            } else {
                other += reason.getValue();
            }
        }
        row.put("endedReasons", reasons);
        row.put("otherEndedReasons", other);
        row.put("url", caller.url("/conversations?agent=" + agent.id() + (stats.version() == null ? ""
                : "&version=" + URLEncoder.encode(stats.version(), StandardCharsets.UTF_8))));
        return row;
    }

    /** The JSON Schema of one version's figures. */
    static final String VERSION_SCHEMA = """
            {"type": "object", "required": ["version", "calls", "endedReasons", "otherEndedReasons", "url"],
             "properties": {"version": {"type": ["string", "null"]}, "calls": {"type": "integer"},
               "avgDurationSeconds": {"type": ["number", "null"]}, "totalCost": {"type": ["number", "null"]},
               "firstSeenAt": {"type": ["string", "null"]}, "lastSeenAt": {"type": ["string", "null"]},
               "endedReasons": {"type": "object", "additionalProperties": {"type": "integer"},
                 "description": "Calls per ended reason, the 10 most frequent."},
               "otherEndedReasons": {"type": "integer", "description": "Calls with the other reasons."},
               "url": {"type": "string", "description": "The console's list of these calls."}}}""";

    /** The JSON Schema of an agent. */
    static final String AGENT_SCHEMA = """
            {"type": "object", "required": ["id", "name", "provider", "url"], "properties": {
               "id": {"type": "string"}, "name": {"type": "string"}, "provider": {"type": "string"},
               "externalId": {"type": ["string", "null"]}, "architecture": {"type": ["string", "null"]},
               "livekitAgentName": {"type": ["string", "null"]}, "lastCallAt": {"type": ["string", "null"]},
               "url": {"type": "string"}}}""";
}
