package ai.zelto.application.port.in.agent;

import ai.zelto.application.readmodel.AgentView;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.organization.OrganizationId;

/**
 * Agents people create and configure (rather than ones ingestion finds): a name, an architecture, the LiveKit
 * worker that serves it and a system prompt. Agents created here are provider {@code zelto}.
 */
public interface ManageAgentsUseCase {
    /** @param actor who does it, for the audit log ({@code user:<id>}) */
    AgentView create(OrganizationId organizationId, AgentSetup setup, String actor);

    /** Changes the fields given; throws {@code AgentNotFoundException} for an agent of another org or none. */
    AgentView change(OrganizationId organizationId, AgentId id, AgentChanges changes, String actor);
}
