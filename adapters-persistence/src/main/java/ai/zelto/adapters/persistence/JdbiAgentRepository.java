package ai.zelto.adapters.persistence;

import ai.zelto.application.port.out.AgentQueries;
import ai.zelto.application.port.out.AgentRepository;
import ai.zelto.application.readmodel.AgentView;
import ai.zelto.application.readmodel.VersionStats;
import ai.zelto.domain.agent.Agent;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.organization.OrganizationId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

final class JdbiAgentRepository implements AgentRepository, AgentQueries {
    private static final int KNOWN_MAX = 100_000;
    private final Handles handles;
    /**
     * How long a found agent is trusted without asking the database. People can change an agent's external id
     * (on any copy of the app), after which deliveries with the old id must find or create another agent: they
     * may still reach the renamed one for this long.
     */
    static final long KNOWN_FOR_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    /**
     * Agents already found or created, by organization, provider and external id. Agents are never deleted; an
     * agent without a name is looked up again when a delivery brings one, so that the name is filled in.
     */
    private final java.util.concurrent.ConcurrentHashMap<List<Object>, Known> known =
            new java.util.concurrent.ConcurrentHashMap<>();

    private record Known(Agent agent, long since) {
    }

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
        Known cached = known.get(key);
        if (cached != null && (cached.agent().name() != null || name == null)
                && System.nanoTime() - cached.since() < KNOWN_FOR_NANOS) {
            return cached.agent();
        }
        Agent agent = handles.independently(AgentDao.class, d -> d.findOrCreate(UUID.randomUUID(),
                organizationId.value(), provider, externalId, name, now));
        if (known.size() >= KNOWN_MAX) {
            known.clear();
        }
        known.put(key, new Known(agent, System.nanoTime()));
        return agent;
    }

    @Override
    public boolean insert(Agent agent) {
        return handles.dao(AgentDao.class, d -> d.insert(agent.id().value(), agent.organizationId().value(),
                agent.provider(), agent.externalId(), agent.name(), wire(agent), agent.livekitAgentName(),
                agent.systemPrompt(), agent.model(), agent.createdAt())) == 1;
    }

    @Override
    public boolean update(Agent agent) {
        boolean changed = handles.dao(AgentDao.class, d -> d.update(agent.id().value(),
                agent.organizationId().value(), agent.externalId(), agent.name(), wire(agent),
                agent.livekitAgentName(), agent.systemPrompt(), agent.model())) == 1;
        known.values().removeIf(entry -> entry.agent().id().equals(agent.id()));
        return changed;
    }

    private static String wire(Agent agent) {
        return agent.architecture() == null ? null : agent.architecture().wireName();
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
        Map<UUID, Map<Optional<String>, List<AgentDao.VersionRow>>> byAgent = new HashMap<>();
        for (AgentDao.VersionRow row : handles.dao(AgentDao.class, d -> d.versions(organizationId.value(), ids))) {
            byAgent.computeIfAbsent(row.agentId(), id -> new HashMap<>())
                    .computeIfAbsent(Optional.ofNullable(row.version()), version -> new ArrayList<>()).add(row);
        }
        return agents.stream().map(agent -> new AgentView(agent, byAgent.getOrDefault(agent.id().value(), Map.of())
                .values().stream().map(JdbiAgentRepository::stats)
                .sorted(Comparator.comparing(VersionStats::lastSeenAt, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(VersionStats::version, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList())).toList();
    }

    /** One version's figures from its rows per ended reason. */
    private static VersionStats stats(List<AgentDao.VersionRow> rows) {
        long calls = 0;
        long durations = 0;
        BigDecimal durationSum = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        Instant first = null;
        Instant last = null;
        Map<String, Long> reasons = new HashMap<>();
        for (AgentDao.VersionRow row : rows) {
            calls += row.calls();
            durations += row.durations();
            durationSum = row.durationSum() == null ? durationSum : durationSum.add(row.durationSum());
            cost = cost.add(row.totalCost());
            first = first == null || row.firstSeen().isBefore(first) ? row.firstSeen() : first;
            last = last == null || row.lastSeen().isAfter(last) ? row.lastSeen() : last;
            reasons.merge(row.endedReason() == null ? "" : row.endedReason(), row.calls(), Long::sum);
        }
        Map<String, Long> ordered = new LinkedHashMap<>();
        reasons.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> ordered.put(e.getKey(), e.getValue()));
        BigDecimal average = durations == 0 ? null : durationSum.divide(BigDecimal.valueOf(durations), 3,
                RoundingMode.HALF_UP).stripTrailingZeros();
        return new VersionStats(rows.get(0).version(), calls, average, cost.stripTrailingZeros(), first, last,
                ordered);
    }
}
