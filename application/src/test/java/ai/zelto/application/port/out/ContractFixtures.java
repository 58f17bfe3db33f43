package ai.zelto.application.port.out;

import ai.zelto.application.spi.provider.DeliveryContext;
import ai.zelto.application.spi.provider.RawDelivery;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.conversation.CallIngest;
import ai.zelto.domain.conversation.Calls;
import ai.zelto.domain.conversation.Conversation;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.delivery.DeliveryId;
import ai.zelto.domain.delivery.DeliveryStatus;
import ai.zelto.domain.organization.OrganizationId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** What the contracts store: deliveries, agents and conversations made the same way on both sides. */
final class ContractFixtures {
    /** A time the database keeps exactly (microseconds). */
    static final Instant NOW = Instant.parse("2026-05-01T10:00:00.123456Z");

    private ContractFixtures() {
    }

    static NewDelivery pending(OrganizationId org, String externalId, int bodyBytes) {
        byte[] body = "x".repeat(bodyBytes).getBytes(StandardCharsets.UTF_8);
        return new NewDelivery(DeliveryId.newId(), org, "zelto", NOW, new RawDelivery(body,
                Map.of("x-test", List.of("1"))), DeliveryContext.Channel.API_KEY, externalId, DeliveryStatus.PENDING,
                null, null);
    }

    static NewDelivery dropped(OrganizationId org) {
        return new NewDelivery(DeliveryId.newId(), org, "zelto", NOW, new RawDelivery(new byte[] {'{', '}'},
                Map.of()), DeliveryContext.Channel.API_KEY, null, DeliveryStatus.DROPPED, "a status update", null);
    }

    static AgentId agent(PortsUnderTest ports, OrganizationId org) {
        return ports.agents().findOrCreate(org, "zelto", "support-bot", "Support bot", NOW).id();
    }

    static Conversation conversation(PortsUnderTest ports, OrganizationId org, String externalId) {
        CallIngest call = Calls.call(externalId).duration(95).turns(Calls.user("Hi"), Calls.assistant("Hello"))
                .metadata(Map.of("channel", "phone")).customer("+4930123", "Ada").build();
        return Conversation.create(ConversationId.newId(), org, "zelto", agent(ports, org), call, NOW, NOW);
    }

    static Instant later(long seconds) {
        return NOW.plus(seconds, ChronoUnit.SECONDS);
    }
}
