package ai.zelto.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.application.readmodel.CreditBalance;
import ai.zelto.domain.conversation.Conversation;
import ai.zelto.domain.credit.Credits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link CreditLedger} must do. */
public abstract class CreditLedgerContract extends PortContract {

    @Test
    void theBalance_isWhatWasGranted_lessWhatWasCharged() {
        Conversation one = savedConversation("call-1");
        Conversation two = savedConversation("call-2");
        ports.credits().grant(org, Credits.of(100), "welcome", ContractFixtures.NOW);
        ports.credits().grant(org, Credits.of(50), "top-up", ContractFixtures.NOW);

        ports.credits().charge(org, one.id(), Credits.of(2), ContractFixtures.NOW);
        ports.credits().chargeAll(List.of(new CreditLedger.Charge(org, two.id(), Credits.of(3), ContractFixtures.NOW)));

        assertThat(ports.credits().balance(org)).isEqualTo(new CreditBalance(145, 5, 150));
        assertThat(ports.credits().balance(ports.newOrganization())).isEqualTo(new CreditBalance(0, 0, 0));
    }

    @Test
    void aConversation_isChargedOnce_aLaterChargeReplacingTheAmount() {
        Conversation one = savedConversation("call-1");
        ports.credits().grant(org, Credits.of(10), "welcome", ContractFixtures.NOW);

        ports.credits().charge(org, one.id(), Credits.of(2), ContractFixtures.NOW);
        ports.credits().chargeAll(List.of(new CreditLedger.Charge(org, one.id(), Credits.of(4),
                ContractFixtures.later(60))));

        assertThat(ports.credits().balance(org)).isEqualTo(new CreditBalance(6, 4, 10));
    }
}
