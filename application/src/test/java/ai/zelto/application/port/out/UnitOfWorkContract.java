package ai.zelto.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zelto.domain.conversation.Conversation;
import ai.zelto.domain.credit.Credits;
import org.junit.jupiter.api.Test;

/** What {@link UnitOfWork} must do: the ports' writes inside it commit together or not at all. */
public abstract class UnitOfWorkContract extends PortContract {

    @Test
    void theWritesOfATransactionThatFails_areAllUndone_andThoseOfOneThatSucceedsAreKept() {
        Conversation kept = ContractFixtures.conversation(ports, org, "kept");
        Conversation lost = ContractFixtures.conversation(ports, org, "lost");
        ports.unitOfWork().inTransaction(() -> {
            ports.conversations().save(kept);
            ports.credits().charge(org, kept.id(), Credits.of(2), ContractFixtures.NOW);
            return null;
        });

        assertThatThrownBy(() -> ports.unitOfWork().inTransaction(() -> {
            ports.conversations().save(lost);
            ports.credits().charge(org, lost.id(), Credits.of(3), ContractFixtures.NOW);
            throw new IllegalStateException("the batch fails");
        })).hasMessage("the batch fails");

        assertThat(ports.conversations().findByExternalId(org, "kept")).isPresent();
        assertThat(ports.conversations().findByExternalId(org, "lost")).isEmpty();
        assertThat(ports.credits().balance(org).charged()).isEqualTo(2);
    }

    @Test
    void isolatedWorkThatFails_undoesItsOwnWritesOnly() {
        Conversation before = ContractFixtures.conversation(ports, org, "before");
        Conversation inside = ContractFixtures.conversation(ports, org, "inside");
        Conversation after = ContractFixtures.conversation(ports, org, "after");

        ports.unitOfWork().inTransaction(() -> {
            ports.conversations().save(before);
            assertThatThrownBy(() -> ports.unitOfWork().isolated(() -> {
                ports.conversations().save(inside);
                throw new IllegalStateException("one delivery fails");
            })).hasMessage("one delivery fails");
            ports.conversations().save(after);
            return null;
        });

        assertThat(ports.conversations().findByExternalId(org, "before")).isPresent();
        assertThat(ports.conversations().findByExternalId(org, "inside")).isEmpty();
        assertThat(ports.conversations().findByExternalId(org, "after")).isPresent();
    }

    @Test
    void isolatedWork_needsATransaction() {
        assertThatThrownBy(() -> ports.unitOfWork().isolated(() -> {
        })).isInstanceOf(IllegalStateException.class);
    }
}
