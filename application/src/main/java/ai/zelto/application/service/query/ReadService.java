package ai.zelto.application.service.query;

import ai.zelto.application.port.in.agent.GetAgentUseCase;
import ai.zelto.application.port.in.agent.ListAgentsUseCase;
import ai.zelto.application.port.in.conversation.GetConversationUseCase;
import ai.zelto.application.port.in.conversation.HighlightConversationUseCase;
import ai.zelto.application.port.in.conversation.ListConversationsUseCase;
import ai.zelto.application.port.in.credit.CreditHistoryUseCase;
import ai.zelto.application.port.in.credit.GetCreditsUseCase;
import ai.zelto.application.port.in.delivery.GetDeliveryUseCase;
import ai.zelto.application.port.in.delivery.ListDeliveriesUseCase;
import ai.zelto.application.port.out.AgentQueries;
import ai.zelto.application.port.out.ConversationQueries;
import ai.zelto.application.port.out.CreditLedger;
import ai.zelto.application.port.out.DeliveryRepository;
import ai.zelto.application.readmodel.AgentView;
import ai.zelto.application.readmodel.ConversationPage;
import ai.zelto.application.readmodel.ConversationQuery;
import ai.zelto.application.readmodel.ConversationView;
import ai.zelto.application.readmodel.CreditBalance;
import ai.zelto.application.readmodel.CreditEntry;
import ai.zelto.application.readmodel.DeliveryPage;
import ai.zelto.application.readmodel.DeliveryQuery;
import ai.zelto.application.readmodel.DeliveryView;
import ai.zelto.application.readmodel.SearchHit;
import ai.zelto.domain.agent.Agent;
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
public final class ReadService implements ListConversationsUseCase, GetConversationUseCase,
        HighlightConversationUseCase, ListAgentsUseCase, GetAgentUseCase, GetDeliveryUseCase, ListDeliveriesUseCase,
        GetCreditsUseCase, CreditHistoryUseCase {
    private final ConversationQueries conversations;
    private final AgentQueries agents;
    private final DeliveryRepository deliveries;
    private final CreditLedger credits;

    public ReadService(ConversationQueries conversations, AgentQueries agents, DeliveryRepository deliveries,
                       CreditLedger credits) {
        this.conversations = conversations;
        this.agents = agents;
        this.deliveries = deliveries;
        this.credits = credits;
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
    public Map<Integer, List<SearchHit.Fragment>> highlight(OrganizationId organizationId, ConversationId id,
                                                            String text) {
        return conversations.highlight(organizationId, id, text);
    }

    @Override
    public List<AgentView> listAgents(OrganizationId organizationId) {
        return agents.list(organizationId);
    }

    @Override
    public List<Agent> agentsOf(OrganizationId organizationId) {
        return agents.agents(organizationId);
    }

    @Override
    public Optional<AgentView> getAgent(OrganizationId organizationId, AgentId id) {
        return agents.view(organizationId, id);
    }

    @Override
    public Optional<DeliveryView> getDelivery(OrganizationId organizationId, DeliveryId id) {
        return deliveries.find(organizationId, id);
    }

    @Override
    public DeliveryPage listDeliveries(DeliveryQuery query) {
        return deliveries.list(query);
    }

    @Override
    public List<CreditEntry> creditHistory(OrganizationId organizationId, int limit) {
        return credits.entries(organizationId, limit);
    }

    @Override
    public CreditBalance getCredits(OrganizationId organizationId) {
        return credits.balance(organizationId);
    }
}
