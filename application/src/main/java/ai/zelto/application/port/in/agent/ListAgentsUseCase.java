package ai.zelto.application.port.in.agent;

import ai.zelto.application.readmodel.AgentView;
import ai.zelto.domain.agent.Agent;
import ai.zelto.domain.organization.OrganizationId;
import java.util.List;

/** All agents of an organization, with their version figures. */
public interface ListAgentsUseCase {
    List<AgentView> listAgents(OrganizationId organizationId);

    /** The agents alone, most recently called first: cheap, for pickers and filters. */
    List<Agent> agentsOf(OrganizationId organizationId);
}
