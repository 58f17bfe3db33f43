package ai.zelto.application.port.out;

import ai.zelto.application.readmodel.AgentView;
import ai.zelto.domain.agent.Agent;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.organization.OrganizationId;
import java.util.List;
import java.util.Optional;

/** The read side of agents: views with their versions' figures, scoped to the caller's organization. */
public interface AgentQueries {
    Optional<AgentView> view(OrganizationId organizationId, AgentId id);

    List<AgentView> list(OrganizationId organizationId);

    /** The agents without their figures, most recently called first. */
    List<Agent> agents(OrganizationId organizationId);
}
