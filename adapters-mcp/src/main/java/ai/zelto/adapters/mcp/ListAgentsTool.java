package ai.zelto.adapters.mcp;

import ai.zelto.application.port.in.agent.ListAgentsUseCase;
import ai.zelto.application.readmodel.AgentView;
import ai.zelto.application.readmodel.VersionStats;
import ai.zelto.domain.agent.Agent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code list_agents}: the organization's agents, most recently called first, with their call counts. */
final class ListAgentsTool implements ZeltoTool {
    static final int MAX_LIMIT = 100;
    private final ListAgentsUseCase agents;

    ListAgentsTool(ListAgentsUseCase agents) {
        this.agents = agents;
    }

    @Override
    public String name() {
        return "list_agents";
    }

    @Override
    public String title() {
        return "List agents";
    }

    @Override
    public String description() {
        return "The organization's AI agents (voice and chat), most recently called first: id, name, provider,"
                + " architecture, how many calls and versions each has, when it was last called, and its console"
                + " URL. Use an agent's id with get_agent, compare_versions or search_conversations.";
    }

    @Override
    public Set<String> arguments() {
        return Set.of("limit", "cursor");
    }

    @Override
    public String inputSchema() {
        return """
                {"type": "object", "additionalProperties": false, "properties": {
                  "limit": {"type": "integer", "minimum": 1, "maximum": 100, "default": 50,
                            "description": "How many agents at most."},
                  "cursor": {"type": "string", "description": "nextCursor of the previous page."}}}""";
    }

    @Override
    public String outputSchema() {
        return """
                {"type": "object", "required": ["agents", "total", "hasMore"], "properties": {
                  "agents": {"type": "array", "items": {"type": "object",
                    "required": ["id", "name", "provider", "calls", "versions", "url"], "properties": {
                    "id": {"type": "string"}, "name": {"type": "string"}, "provider": {"type": "string"},
                    "externalId": {"type": ["string", "null"]}, "architecture": {"type": ["string", "null"]},
                    "calls": {"type": "integer"}, "versions": {"type": "integer"},
                    "lastCallAt": {"type": ["string", "null"]}, "url": {"type": "string"}}}},
                  "total": {"type": "integer"}, "hasMore": {"type": "boolean"},
                  "nextCursor": {"type": ["string", "null"]}}}""";
    }

    @Override
    public Map<String, Object> call(Caller caller, Arguments arguments) {
        int limit = arguments.integer("limit", 50, 1, MAX_LIMIT);
        int offset = Cursors.offset(arguments.text("cursor"));
        List<AgentView> all = agents.listAgents(caller.key().organizationId());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AgentView view : all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()))) {
            Agent agent = view.agent();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", agent.id().toString());
            row.put("name", agent.displayName());
            row.put("provider", agent.provider());
            row.put("externalId", agent.externalId());
            row.put("architecture", agent.architecture() == null ? null : agent.architecture().wireName());
            row.put("calls", view.versions().stream().mapToLong(VersionStats::calls).sum());
            row.put("versions", view.versions().stream().filter(version -> version.version() != null).count());
            row.put("lastCallAt", agent.lastCallAt() == null ? null : agent.lastCallAt().toString());
            row.put("url", caller.url("/agents/" + agent.id()));
            rows.add(row);
        }
        boolean more = offset + limit < all.size();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("agents", rows);
        result.put("total", all.size());
        result.put("hasMore", more);
        result.put("nextCursor", more ? Cursors.next(offset + limit) : null);
        return result;
    }
}
