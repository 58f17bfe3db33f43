package ai.zelto.application.service.query;

import ai.zelto.application.port.in.agent.AgentView;
import ai.zelto.application.port.in.agent.GetAgentUseCase;
import ai.zelto.application.port.in.agent.ListAgentsUseCase;
import ai.zelto.application.port.in.conversation.ConversationPage;
import ai.zelto.application.port.in.conversation.ConversationQuery;
import ai.zelto.application.port.in.conversation.ConversationView;
import ai.zelto.application.port.in.conversation.GetConversationUseCase;
import ai.zelto.application.port.in.conversation.ListConversationsUseCase;
import ai.zelto.application.port.in.credit.CreditBalance;
import ai.zelto.application.port.in.credit.GetCreditsUseCase;
import ai.zelto.application.port.in.delivery.DeliveryView;
import ai.zelto.application.port.in.delivery.GetDeliveryUseCase;
import ai.zelto.application.port.in.integration.IntegrationStatus;
import ai.zelto.application.port.in.integration.ListIntegrationsUseCase;
import ai.zelto.application.port.out.AgentRepository;
import ai.zelto.application.port.out.ConversationRepository;
import ai.zelto.application.port.out.CreditLedger;
import ai.zelto.application.port.out.DeliveryRepository;
import ai.zelto.application.port.out.IntegrationStatistics;
import ai.zelto.application.service.ingest.ProviderRegistry;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.delivery.DeliveryId;
import ai.zelto.domain.organization.OrganizationId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read side: every query is scoped to the caller's organization by the repositories, so an id of another
 * org is simply not found.
 */
public final class ReadService implements ListConversationsUseCase, GetConversationUseCase, ListAgentsUseCase,
        GetAgentUseCase, GetDeliveryUseCase, ListIntegrationsUseCase, GetCreditsUseCase {
    private final ConversationRepository conversations;
    private final AgentRepository agents;
    private final DeliveryRepository deliveries;
    private final IntegrationStatistics integrations;
    private final CreditLedger credits;
    private final ProviderRegistry providers;

    public ReadService(ConversationRepository conversations, AgentRepository agents, DeliveryRepository deliveries,
                       IntegrationStatistics integrations, CreditLedger credits, ProviderRegistry providers) {
        this.conversations = conversations;
        this.agents = agents;
        this.deliveries = deliveries;
        this.integrations = integrations;
        this.credits = credits;
        this.providers = providers;
    }

    @Override
    public ConversationPage listConversations(ConversationQuery query) {
        return conversations.list(query);
    }

    @Override
    public Optional<ConversationView> getConversation(OrganizationId organizationId, ConversationId id) {
        return conversations.find(organizationId, id);
    }

    @Override
    public List<AgentView> listAgents(OrganizationId organizationId) {
        return agents.list(organizationId);
    }

    @Override
    public Optional<AgentView> getAgent(OrganizationId organizationId, AgentId id) {
        return agents.view(organizationId, id);
    }

    @Override
    public Optional<DeliveryView> getDelivery(OrganizationId organizationId, DeliveryId id) {
        return deliveries.find(organizationId, id);
    }

    /** Every installed provider, plus any provider the org has calls from whose plugin is gone. */
    @Override
    public List<IntegrationStatus> listIntegrations(OrganizationId organizationId) {
        Map<String, IntegrationStatus> active = integrations.byProvider(organizationId);
        java.util.TreeSet<String> ids = new java.util.TreeSet<>(providers.ids());
        ids.addAll(active.keySet());
        return ids.stream()
                .map(id -> active.getOrDefault(id, new IntegrationStatus(id, false, null, 0)))
                .toList();
    }

    @Override
    public CreditBalance getCredits(OrganizationId organizationId) {
        return credits.balance(organizationId);
    }
}
