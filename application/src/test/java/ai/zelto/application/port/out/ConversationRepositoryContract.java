package ai.zelto.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.domain.conversation.Calls;
import ai.zelto.domain.conversation.Conversation;
import ai.zelto.domain.organization.OrganizationId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@link ConversationRepository} must do. */
public abstract class ConversationRepositoryContract extends PortContract {

    @Test
    void aSavedConversation_readsBackTheSame_byExternalId_byId_andInABatchRead() {
        Conversation saved = ContractFixtures.conversation(ports, org, "call-1");
        ports.conversations().save(saved);

        assertThat(ports.conversations().findByExternalId(org, "call-1")).hasValueSatisfying(found ->
                assertThat(found.sameContentAs(saved)).as("%s", found).isTrue());
        assertThat(ports.conversations().findById(saved.id())).hasValueSatisfying(found ->
                assertThat(found.sameContentAs(saved)).isTrue());
        Map<String, Conversation> batch = ports.conversations().findByExternalIds(org, List.of("call-1", "none"));
        assertThat(batch).containsOnlyKeys("call-1");
        assertThat(batch.get("call-1").sameContentAs(saved)).isTrue();
    }

    @Test
    void savingAgain_replacesTheStoredState_andSaveAllDoesSoForEach() {
        Conversation first = ContractFixtures.conversation(ports, org, "call-1");
        Conversation second = ContractFixtures.conversation(ports, org, "call-2");
        ports.conversations().saveAll(List.of(first, second));

        Conversation longer = first.apply("zelto", first.agentId(), Calls.call("call-1").duration(300).build(),
                ContractFixtures.later(60), ContractFixtures.later(60));
        ports.conversations().saveAll(List.of(longer));

        Conversation found = ports.conversations().findByExternalId(org, "call-1").orElseThrow();
        assertThat(found.durationSeconds()).isEqualByComparingTo("300");
        assertThat(found.turns()).as("the merge kept the transcript").hasSize(2);
        assertThat(found.sameContentAs(longer)).isTrue();
        assertThat(ports.conversations().findByExternalId(org, "call-2")).isPresent();
    }

    @Test
    void anotherOrganizationsCall_isNotFound() {
        ports.conversations().save(ContractFixtures.conversation(ports, org, "call-1"));
        OrganizationId other = ports.newOrganization();

        assertThat(ports.conversations().findByExternalId(other, "call-1")).isEmpty();
        assertThat(ports.conversations().findByExternalIds(other, List.of("call-1"))).isEmpty();
    }
}
