package ai.zelto.application.port.out;

import ai.zelto.domain.agent.Agent;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.organization.OrganizationId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Agents in memory, unique per (organization, provider, external id), as {@link AgentRepository}. Like the real
 * adapter, {@link #findOrCreate} commits at once, outside any transaction: a rollback keeps the agents it made.
 */
public final class InMemoryAgents implements AgentRepository {
    private final Map<AgentId, Agent> byId = new LinkedHashMap<>();

    @Override
    public Optional<Agent> find(OrganizationId organizationId, AgentId id) {
        return Optional.ofNullable(byId.get(id)).filter(agent -> agent.organizationId().equals(organizationId));
    }

    @Override
    public Agent findOrCreate(OrganizationId organizationId, String provider, String externalId, String name,
                              Instant now) {
        for (Agent agent : byId.values()) {
            if (agent.organizationId().equals(organizationId) && agent.provider().equals(provider)
                    && externalId.equals(agent.externalId())) {
                if (agent.name() == null && name != null) {
                    Agent named = new Agent(agent.id(), organizationId, provider, externalId, name,
                            agent.architecture(), agent.livekitAgentName(), agent.systemPrompt(), agent.model(),
                            agent.createdAt(),
                            agent.lastCallAt());
                    byId.put(agent.id(), named);
                    return named;
                }
                return agent;
            }
        }
        Agent created = Agent.found(AgentId.newId(), organizationId, provider, externalId, name, now, null);
        byId.put(created.id(), created);
        return created;
    }

    @Override
    public boolean insert(Agent agent) {
        if (clashes(agent)) {
            return false;
        }
        byId.put(agent.id(), agent);
        return true;
    }

    @Override
    public boolean update(Agent agent) {
        if (clashes(agent)) {
            return false;
        }
        byId.put(agent.id(), agent);
        return true;
    }

    private boolean clashes(Agent agent) {
        return agent.externalId() != null && byId.values().stream().anyMatch(other -> !other.id().equals(agent.id())
                && other.organizationId().equals(agent.organizationId()) && other.provider().equals(agent.provider())
                && agent.externalId().equals(other.externalId()));
    }
}
