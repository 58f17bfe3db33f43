package ai.zelto.domain.credit;

import static ai.zelto.domain.conversation.Calls.call;
import static ai.zelto.domain.conversation.Calls.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.conversation.Conversation;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.organization.OrganizationId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PricingTest {
    private static Conversation lasting(long seconds) {
        return Conversation.create(ConversationId.newId(), OrganizationId.newId(), "zelto", AgentId.newId(),
                call("c").turns(user("a")).duration(seconds).build(), Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void chargesPerStartedMinute() {
        Pricing pricing = new Pricing(1);
        assertThat(pricing.chargeFor(lasting(60))).isEqualTo(Credits.of(1));
        assertThat(pricing.chargeFor(lasting(61))).isEqualTo(Credits.of(2));
        assertThat(pricing.chargeFor(lasting(3600))).isEqualTo(Credits.of(60));
        assertThat(new Pricing(3).chargeFor(lasting(90))).isEqualTo(Credits.of(6));
    }

    @Test
    void everyConversationCostsAtLeastOneCredit() {
        assertThat(new Pricing(1).chargeFor(lasting(0))).isEqualTo(Credits.of(1));
        assertThat(new Pricing(0).chargeFor(lasting(600))).isEqualTo(Credits.of(1));
    }

    @Test
    void aNegativePrice_isRefused() {
        assertThatThrownBy(() -> new Pricing(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
