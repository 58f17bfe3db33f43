package ai.zelto.app;

import ai.zelto.adapters.providers.common.CanonicalJson;
import ai.zelto.application.spi.provider.RawDelivery;
import ai.zelto.application.spi.provider.Translation;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.agent.AgentReference;
import ai.zelto.domain.conversation.CallIngest;
import ai.zelto.domain.conversation.Conversation;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.conversation.Role;
import ai.zelto.domain.conversation.TranscriptTurn;
import ai.zelto.domain.organization.OrganizationId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference the concurrency tests compare against: canonical deliveries applied one after another, in
 * receive order, with the domain's own merge rule — no database, no workers.
 */
final class SequentialModel {
    private final Map<String, Conversation> conversations = new LinkedHashMap<>();
    private final Map<String, String> agentOf = new LinkedHashMap<>();

    /** Applies one canonical body, as processing would. */
    void apply(byte[] body) {
        CallIngest call = toCall(body);
        String agent = ((AgentReference.ByExternalId) call.agent()).externalId();
        AgentId agentId = new AgentId(java.util.UUID.nameUUIDFromBytes(agent.getBytes(StandardCharsets.UTF_8)));
        Conversation existing = conversations.get(call.externalId());
        if (existing != null) {
            conversations.put(call.externalId(), existing.apply("zelto", agentId, call, Instant.EPOCH, Instant.EPOCH));
            agentOf.put(call.externalId(), agent);
        } else if (call.hasContent()) {
            conversations.put(call.externalId(), Conversation.create(ConversationId.newId(), OrganizationId.newId(),
                    "zelto", agentId, call, Instant.EPOCH, Instant.EPOCH));
            agentOf.put(call.externalId(), agent);
        }
    }

    Map<String, Conversation> conversations() {
        return conversations;
    }

    Snapshot snapshot(String externalId) {
        return Snapshot.of(conversations.get(externalId), agentOf.get(externalId));
    }

    static CallIngest toCall(byte[] body) {
        Translation translation = CanonicalJson.translate(new RawDelivery(body, Map.of()));
        var call = ((Translation.Accepted) translation).call();
        List<TranscriptTurn> turns = call.turns() == null ? null : call.turns().stream()
                .map(t -> new TranscriptTurn(Role.valueOf(t.speaker().name()), t.text(), t.startSeconds(),
                        t.endSeconds())).toList();
        return new CallIngest(call.externalId(), new AgentReference.ByExternalId(call.agentExternalId(),
                call.agentName()), call.startedAt(), call.endedAt(), call.durationSeconds(), call.endedReason(),
                call.cost(), call.recordingUrl(), call.customerNumber(), call.customerName(), call.version(), null, turns,
                call.systemPrompt(), call.metadata(), false);
    }

    /** The content of a conversation the tests compare (ids and bookkeeping times differ by design). */
    record Snapshot(String externalId, String provider, String agent, String version, Instant startedAt,
                    BigDecimal durationSeconds, String endedReason, BigDecimal cost, String recordingUrl,
                    String customerNumber, String customerName, String systemPrompt, Map<String, Object> metadata,
                    List<TranscriptTurn> turns) {
        static Snapshot of(Conversation c, String agentExternalId) {
            return new Snapshot(c.externalId(), c.provider(), agentExternalId, c.version(), c.startedAt(),
                    c.durationSeconds() == null ? null : c.durationSeconds().stripTrailingZeros(), c.endedReason(),
                    c.cost() == null ? null : c.cost().stripTrailingZeros(), c.recordingUrl(), c.customerNumber(),
                    c.customerName(), c.systemPrompt(), c.metadata(), c.turns());
        }
    }
}
