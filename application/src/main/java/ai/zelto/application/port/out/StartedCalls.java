package ai.zelto.application.port.out;

import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.organization.OrganizationId;
import java.util.Optional;

/**
 * Calls Zelto started itself (voice sessions, and the rooms of later channels), by the external id their
 * conversation arrives with: the agent that conversation belongs to, whatever agent the forwarding worker names
 * by external id.
 */
@FunctionalInterface
public interface StartedCalls {
    /** Nothing started here: ingestion alone decides. */
    StartedCalls NONE = (organizationId, externalId) -> Optional.empty();

    Optional<AgentId> agentOf(OrganizationId organizationId, String externalId);
}
