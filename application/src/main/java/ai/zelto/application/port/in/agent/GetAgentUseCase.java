package ai.zelto.application.port.in.agent;

import ai.zelto.application.readmodel.AgentView;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.organization.OrganizationId;
import java.util.Optional;

/** One agent of the organization; empty for an id of another org or of none. */
public interface GetAgentUseCase {
    Optional<AgentView> getAgent(OrganizationId organizationId, AgentId id);
}
