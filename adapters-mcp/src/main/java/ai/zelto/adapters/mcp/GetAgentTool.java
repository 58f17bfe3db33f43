package ai.zelto.adapters.mcp;

import ai.zelto.application.port.in.agent.GetAgentUseCase;
import ai.zelto.application.readmodel.AgentView;
import ai.zelto.application.readmodel.VersionStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code get_agent}: one agent and each of its versions' figures, newest version first. */
final class GetAgentTool implements ZeltoTool {
    private final GetAgentUseCase agents;

    GetAgentTool(GetAgentUseCase agents) {
        this.agents = agents;
    }

    @Override
    public String name() {
        return "get_agent";
    }

    @Override
    public String title() {
        return "Get agent";
    }

    @Override
    public String description() {
        return "One agent with its versions (a version is a prompt or configuration the calls ran with): per version"
                + " the number of calls, average duration, total cost, first and last call, and the ended reasons"
                + " counted. The most recently called version first; page with limit and cursor.";
    }

    @Override
    public Set<String> arguments() {
        return Set.of("agentId", "limit", "cursor");
    }

    @Override
    public String inputSchema() {
        return """
                {"type": "object", "additionalProperties": false, "required": ["agentId"], "properties": {
                  "agentId": {"type": "string", "description": "The agent's id, from list_agents."},
                  "limit": {"type": "integer", "minimum": 1, "maximum": 50, "default": 20,
                            "description": "How many versions at most."},
                  "cursor": {"type": "string", "description": "nextCursor of the previous page."}}}""";
    }

    @Override
    public String outputSchema() {
        return "{\"type\": \"object\", \"required\": [\"agent\", \"versions\", \"totalVersions\", \"hasMore\"],"
                + " \"properties\": {\"agent\": " + AgentFigures.AGENT_SCHEMA + ", \"versions\": {\"type\": \"array\","
                + " \"items\": " + AgentFigures.VERSION_SCHEMA + "}, \"totalVersions\": {\"type\": \"integer\"},"
                + " \"hasMore\": {\"type\": \"boolean\"}, \"nextCursor\": {\"type\": [\"string\", \"null\"]}}}";
    }

    @Override
    public Map<String, Object> call(Caller caller, Arguments arguments) {
        AgentView view = AgentFigures.agent(agents, caller, arguments.required("agentId"));
        int limit = arguments.integer("limit", 20, 1, 50);
        int offset = Cursors.offset(arguments.text("cursor"));
        List<VersionStats> all = view.versions();
        List<Map<String, Object>> rows = all.subList(Math.min(offset, all.size()), Math.min(offset + limit,
                all.size())).stream().map(stats -> AgentFigures.version(view.agent(), stats, caller)).toList();
        boolean more = offset + limit < all.size();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("agent", AgentFigures.agent(view.agent(), caller));
        result.put("versions", rows);
        result.put("totalVersions", all.size());
        result.put("hasMore", more);
        result.put("nextCursor", more ? Cursors.next(offset + limit) : null);
        return result;
    }
}
