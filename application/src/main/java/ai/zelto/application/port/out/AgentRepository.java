package ai.zelto.application.port.out;

import ai.zelto.domain.agent.Agent;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.organization.OrganizationId;
import java.time.Instant;
import java.util.Optional;

/** Agents, unique per (organization, provider, external id). What the API reads is {@link AgentQueries}. */
public interface AgentRepository {
    Optional<Agent> find(OrganizationId organizationId, AgentId id);

    /**
     * Returns the agent with this provider and external id, creating it when there is none. A stored agent
     * without a name takes the given one; a named agent keeps its name.
     */
    Agent findOrCreate(OrganizationId organizationId, String provider, String externalId, String name, Instant now);

    /** Stores a new agent; false, and nothing stored, when its external id is taken for its provider. */
    boolean insert(Agent agent);

    /**
     * Stores an agent's people-editable fields (name, external id, architecture, worker name, prompt); false, and
     * nothing changed, when the new external id is taken for its provider.
     */
    boolean update(Agent agent);
}
