package ai.zelto.adapters.mcp;

import ai.zelto.application.port.in.agent.GetAgentUseCase;
import ai.zelto.application.readmodel.AgentView;
import ai.zelto.application.readmodel.VersionStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** {@code compare_versions}: two or more versions of one agent, side by side, in the order asked. */
final class CompareVersionsTool implements ZeltoTool {
    static final int MAX_VERSIONS = 10;
    private final GetAgentUseCase agents;

    CompareVersionsTool(GetAgentUseCase agents) {
        this.agents = agents;
    }

    @Override
    public String name() {
        return "compare_versions";
    }

    @Override
    public String title() {
        return "Compare versions";
    }

    @Override
    public String description() {
        return "Two to ten versions of one agent side by side, in the order given: calls, average duration, total"
                + " cost, first and last call, ended reasons. Version names come from get_agent.";
    }

    @Override
    public Set<String> arguments() {
        return Set.of("agentId", "versions");
    }

    @Override
    public String inputSchema() {
        return """
                {"type": "object", "additionalProperties": false, "required": ["agentId", "versions"], "properties": {
                  "agentId": {"type": "string", "description": "The agent's id, from list_agents."},
                  "versions": {"type": "array", "items": {"type": "string"}, "minItems": 2, "maxItems": 10,
                               "description": "The versions to compare, as get_agent names them."}}}""";
    }

    @Override
    public String outputSchema() {
        return "{\"type\": \"object\", \"required\": [\"agent\", \"versions\"], \"properties\": {\"agent\": "
                + AgentFigures.AGENT_SCHEMA + ", \"versions\": {\"type\": \"array\", \"items\": "
                + AgentFigures.VERSION_SCHEMA + "}}}";
    }

    @Override
    public Map<String, Object> call(Caller caller, Arguments arguments) {
        AgentView view = AgentFigures.agent(agents, caller, arguments.required("agentId"));
        Set<String> asked = new LinkedHashSet<>(arguments.texts("versions"));
        if (asked.size() < 2 || asked.size() > MAX_VERSIONS) {
            throw new ToolError("'versions' must name 2 to " + MAX_VERSIONS + " different versions");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String version : asked) {
            Optional<VersionStats> stats = view.versions().stream()
                    .filter(candidate -> version.equals(candidate.version())).findFirst();
            stats.ifPresentOrElse(found -> rows.add(AgentFigures.version(view.agent(), found, caller)),
                    () -> unknown.add(version));
        }
        if (!unknown.isEmpty()) {
            throw new ToolError("this agent has no version " + unknown + "; its versions: " + view.versions().stream()
                    .map(VersionStats::version).filter(Objects::nonNull).limit(20).toList());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("agent", AgentFigures.agent(view.agent(), caller));
        result.put("versions", rows);
        return result;
    }
}
