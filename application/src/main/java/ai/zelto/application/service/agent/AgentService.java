package ai.zelto.application.service.agent;

import ai.zelto.application.port.in.agent.AgentChanges.Field;
import ai.zelto.application.port.in.agent.AgentChanges;
import ai.zelto.application.port.in.agent.AgentSetup;
import ai.zelto.application.port.in.agent.ManageAgentsUseCase;
import ai.zelto.application.port.out.AgentQueries;
import ai.zelto.application.port.out.AgentRepository;
import ai.zelto.application.port.out.UnitOfWork;
import ai.zelto.application.provider.ProviderRegistry;
import ai.zelto.application.readmodel.AgentView;
import ai.zelto.application.service.audit.AuditService;
import ai.zelto.domain.agent.Agent;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.agent.AgentNotFoundException;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.shared.DomainException;
import ai.zelto.domain.shared.ValidationException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Creates and changes agents, each change audited with the names of the fields it touched. */
public final class AgentService implements ManageAgentsUseCase {
    private final AgentRepository agents;
    private final AgentQueries queries;
    private final AuditService audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public AgentService(AgentRepository agents, AgentQueries queries, AuditService audit, UnitOfWork unitOfWork,
                        Clock clock) {
        this.agents = agents;
        this.queries = queries;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public AgentView create(OrganizationId organizationId, AgentSetup setup, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (setup.name() == null) {
            errors.put("name", "is required");
        }
        if (setup.architecture() == null) {
            errors.put("architecture", "is required");
        }
        Agent.check(setup.name(), setup.externalId(), setup.livekitAgentName(), setup.systemPrompt(), setup.model())
                .forEach(errors::putIfAbsent);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Agent agent = new Agent(AgentId.newId(), organizationId, ProviderRegistry.DEFAULT_PROVIDER,
                setup.externalId(), setup.name().strip(), setup.architecture(), setup.livekitAgentName(),
                setup.systemPrompt(), setup.model(), clock.instant(), null);
        unitOfWork.inTransaction(() -> {
            if (!agents.insert(agent)) {
                throw new ExternalIdTaken(setup.externalId());
            }
            audit.record(organizationId, actor, "agent.created", "agent:" + agent.id(), fields(agent));
            return null;
        });
        return queries.view(organizationId, agent.id()).orElseThrow();
    }

    @Override
    public AgentView change(OrganizationId organizationId, AgentId id, AgentChanges changes, String actor) {
        Agent current = agents.find(organizationId, id).orElseThrow(() -> new AgentNotFoundException(id));
        if (changes.given().contains(Field.NAME) && changes.name() == null) {
            throw ValidationException.of("name", "cannot be removed; give a new name");
        }
        String name = changes.pick(Field.NAME, changes.name() == null ? null : changes.name().strip(),
                current.name());
        Agent changed = current.withSetup(name, changes.pick(Field.EXTERNAL_ID, changes.externalId(),
                        current.externalId()), changes.pick(Field.ARCHITECTURE, changes.architecture(),
                        current.architecture()), changes.pick(Field.LIVEKIT_AGENT_NAME, changes.livekitAgentName(),
                        current.livekitAgentName()), changes.pick(Field.SYSTEM_PROMPT, changes.systemPrompt(),
                        current.systemPrompt()), changes.pick(Field.MODEL, changes.model(), current.model()));
        if (!changed.equals(current)) {
            unitOfWork.inTransaction(() -> {
                if (!agents.update(changed)) {
                    throw new ExternalIdTaken(changed.externalId());
                }
                audit.record(organizationId, actor, "agent.changed", "agent:" + id, Map.of("fields",
                        String.join(",", changes.given().stream().map(Field::jsonName).sorted().toList())));
                return null;
            });
        }
        return queries.view(organizationId, id).orElseThrow();
    }

    /** What the audit log keeps of a new agent: its names, never its prompt. */
    private static Map<String, String> fields(Agent agent) {
        Map<String, String> fields = new TreeMap<>();
        fields.put("name", agent.name());
        fields.put("architecture", agent.architecture().wireName());
        if (agent.livekitAgentName() != null) {
            fields.put("livekitAgentName", agent.livekitAgentName());
        }
        if (agent.externalId() != null) {
            fields.put("externalId", agent.externalId());
        }
        if (agent.model() != null) {
            fields.put("model", agent.model());
        }
        return fields;
    }

    /** Another agent of the organization is already named by this external id. */
    public static final class ExternalIdTaken extends DomainException {
        private static final long serialVersionUID = 1L;

        ExternalIdTaken(String externalId) {
            super("another agent of this organization already has the externalId '" + externalId + "'");
        }

        @Override
        public String code() {
            return "agent_external_id_taken";
        }

        @Override
        public Category category() {
            return Category.CONFLICT;
        }
    }
}
