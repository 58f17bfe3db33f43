package ai.zelto.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.domain.agent.Agent;
import org.junit.jupiter.api.Test;

/** What {@link AgentRepository} must do. */
public abstract class AgentRepositoryContract extends PortContract {

    @Test
    void findOrCreate_makesOneAgentPerProviderAndExternalId_andANameIsGivenOnce() {
        Agent unnamed = ports.agents().findOrCreate(org, "vapi", "bot", null, ContractFixtures.NOW);
        Agent named = ports.agents().findOrCreate(org, "vapi", "bot", "Support bot", ContractFixtures.later(1));
        Agent renamed = ports.agents().findOrCreate(org, "vapi", "bot", "Another name", ContractFixtures.later(2));
        Agent otherProvider = ports.agents().findOrCreate(org, "retell", "bot", null, ContractFixtures.NOW);

        assertThat(named.id()).isEqualTo(unnamed.id());
        assertThat(named.name()).isEqualTo("Support bot");
        assertThat(renamed.id()).isEqualTo(unnamed.id());
        assertThat(renamed.name()).as("a named agent keeps its name").isEqualTo("Support bot");
        assertThat(otherProvider.id()).isNotEqualTo(unnamed.id());
        assertThat(unnamed.organizationId()).isEqualTo(org);
        assertThat(unnamed.externalId()).isEqualTo("bot");
        assertThat(unnamed.provider()).isEqualTo("vapi");
    }

    @Test
    void anAgent_isFoundByIdInItsOrganizationOnly() {
        Agent agent = ports.agents().findOrCreate(org, "zelto", "bot", "Bot", ContractFixtures.NOW);

        assertThat(ports.agents().find(org, agent.id())).hasValueSatisfying(found -> {
            assertThat(found.name()).isEqualTo("Bot");
            assertThat(found.provider()).isEqualTo("zelto");
        });
        assertThat(ports.agents().find(ports.newOrganization(), agent.id())).isEmpty();
    }

    @Test
    void anAgentMade_staysMade_whenTheTransactionAroundItRollsBack() {
        try {
            ports.unitOfWork().inTransaction(() -> {
                ports.agents().findOrCreate(org, "zelto", "kept", null, ContractFixtures.NOW);
                throw new IllegalStateException("the batch fails");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }

        Agent again = ports.agents().findOrCreate(org, "zelto", "kept", "Kept", ContractFixtures.later(1));
        assertThat(again.createdAt()).as("made by the rolled-back transaction").isEqualTo(ContractFixtures.NOW);
    }
}
