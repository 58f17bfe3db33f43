package ai.zelto.application.readmodel;

import ai.zelto.domain.agent.Agent;
import java.util.List;

/** An agent with its per-version figures, newest version first. */
public record AgentView(Agent agent, List<VersionStats> versions) {
    public AgentView {
        versions = List.copyOf(versions);
    }
}
