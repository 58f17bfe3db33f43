package ai.zelto.adapters.persistence;

import ai.zelto.application.port.out.AgentQueries;
import ai.zelto.application.port.out.AgentRepository;
import ai.zelto.application.readmodel.AgentView;
import ai.zelto.application.readmodel.VersionStats;
import ai.zelto.domain.agent.Agent;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.organization.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

final class JdbiAgentRepository implements AgentRepository, AgentQueries {
    private static final int KNOWN_MAX = 100_000;
    private final Handles handles;
    /**
     * Agents already found or created, by organization, provider and external id. Agents are never deleted and
     * their id never changes, so the cache cannot go stale on any copy of the app; an agent without a name is
     * looked up again when a delivery brings one, so that the name is filled in.
     */
    private final java.util.concurrent.ConcurrentHashMap<List<Object>, Agent> known =
            new java.util.concurrent.ConcurrentHashMap<>();

    JdbiAgentRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public Optional<Agent> find(OrganizationId organizationId, AgentId id) {
        return handles.dao(AgentDao.class, d -> d.find(organizationId.value(), id.value()));
    }

    @Override
    public Agent findOrCreate(OrganizationId organizationId, String provider, String externalId, String name,
                              Instant now) {
        // Committed on its own: two workers creating the same new agents in another order must not deadlock
        // (an agent that exists before its first conversation is harmless, and the insert is idempotent).
        List<Object> key = List.of(organizationId, provider, externalId);
        Agent cached = known.get(key);
        if (cached != null && (cached.name() != null || name == null)) {
            return cached;
        }
        Agent agent = handles.independently(AgentDao.class, d -> d.findOrCreate(UUID.randomUUID(),
                organizationId.value(), provider, externalId, name, now));
        if (known.size() >= KNOWN_MAX) {
            known.clear();
        }
        known.put(key, agent);
        return agent;
    }

    @Override
    public Optional<AgentView> view(OrganizationId organizationId, AgentId id) {
        return find(organizationId, id).map(agent -> withVersions(organizationId, List.of(agent)).get(0));
    }

    @Override
    public List<AgentView> list(OrganizationId organizationId) {
        return withVersions(organizationId, handles.dao(AgentDao.class, d -> d.list(organizationId.value())));
    }

    @Override
    public List<Agent> agents(OrganizationId organizationId) {
        return handles.dao(AgentDao.class, d -> d.list(organizationId.value()));
    }

    private List<AgentView> withVersions(OrganizationId organizationId, List<Agent> agents) {
        if (agents.isEmpty()) {
            return List.of();
        }
        UUID[] ids = agents.stream().map(agent -> agent.id().value()).toArray(UUID[]::new);
        Map<UUID, List<VersionStats>> byAgent = new HashMap<>();
        for (AgentDao.VersionRow row : handles.dao(AgentDao.class, d -> d.versions(organizationId.value(), ids))) {
            byAgent.computeIfAbsent(row.agentId(), id -> new ArrayList<>()).add(row.stats());
        }
        return agents.stream()
                .map(agent -> new AgentView(agent, byAgent.getOrDefault(agent.id().value(), List.of())))
                .toList();
    }
}
