package ai.zelto.adapters.http.agent;

import ai.zelto.adapters.http.common.Json;
import ai.zelto.application.readmodel.AgentView;
import ai.zelto.application.readmodel.VersionStats;
import ai.zelto.domain.agent.Agent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An agent with its per-version figures.
 *
 * @param architecture {@code pipeline}, {@code realtime}, {@code text}, or null while nobody set it
 */
public record AgentResponse(String id, String externalId, String provider, String name, String architecture,
                            String livekitAgentName, String systemPrompt, String model, String createdAt,
                            String lastCallAt,
                            List<Version> versions) {

    public record Version(String version, long calls, BigDecimal avgDurationSeconds, BigDecimal totalCost,
                          String firstSeenAt, String lastSeenAt, Map<String, Long> endedReasons) {
    }

    static AgentResponse from(AgentView view) {
        Agent agent = view.agent();
        return new AgentResponse(agent.id().toString(), agent.externalId(), agent.provider(), agent.displayName(),
                agent.architecture() == null ? null : agent.architecture().wireName(), agent.livekitAgentName(),
                agent.systemPrompt(), agent.model(), Json.time(agent.createdAt()), Json.time(agent.lastCallAt()),
                view.versions().stream().map(AgentResponse::version).toList());
    }

    private static Version version(VersionStats stats) {
        return new Version(stats.version(), stats.calls(), stats.avgDurationSeconds(), stats.totalCost(),
                Json.time(stats.firstSeenAt()), Json.time(stats.lastSeenAt()), stats.endedReasons());
    }
}
