package ai.zelto.app.wiring;

import ai.zelto.adapters.http.agent.AgentsResource;
import ai.zelto.adapters.http.conversation.ConversationsResource;
import ai.zelto.adapters.http.credit.CreditsResource;
import ai.zelto.adapters.http.delivery.DeliveriesResource;
import ai.zelto.application.service.agent.AgentService;
import ai.zelto.application.service.query.ReadService;
import io.dropwizard.core.setup.Environment;

/**
 * What the API reads: conversations, agents with their versions, deliveries and credit balances; and the agents
 * people create and configure.
 */
public final class ReadWiring implements Feature {
    public final ReadService reads;
    public final AgentService agents;

    ReadWiring(Foundation base) {
        this.reads = new ReadService(base.ports.conversationQueries(), base.ports.agentQueries(), base.ports.deliveries(),
                base.ports.credits());
        this.agents = new AgentService(base.ports.agents(), base.ports.agentQueries(), base.audit,
                base.ports.unitOfWork(), base.clock);
    }

    @Override
    public void serve(Environment environment) {
        environment.jersey().register(new ConversationsResource(reads, reads));
        environment.jersey().register(new AgentsResource(reads, reads, agents));
        environment.jersey().register(new DeliveriesResource(reads, reads));
        environment.jersey().register(new CreditsResource(reads));
    }
}
