package ai.zelto.application.service.ingest;

import ai.zelto.application.spi.provider.CanonicalCall;
import ai.zelto.application.spi.provider.CanonicalTurn;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.agent.AgentReference;
import ai.zelto.domain.conversation.CallIngest;
import ai.zelto.domain.conversation.Role;
import ai.zelto.domain.conversation.TranscriptTurn;
import ai.zelto.domain.shared.StorableText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a plugin's {@link CanonicalCall} into the domain's {@link CallIngest}: checks what a plugin might have
 * let through, and makes every text storable ({@link StorableText}).
 */
final class CallMapper {
    private CallMapper() {
    }

    /** The call, or the offending fields keyed by their canonical JSON path. */
    sealed interface Result {
        record Mapped(CallIngest call) implements Result {
        }

        record Invalid(Map<String, String> details) implements Result {
        }
    }

    static Result map(CanonicalCall call) {
        Map<String, String> details = new LinkedHashMap<>();
        String externalId = StorableText.of(call.externalId());
        if (externalId.isEmpty() || externalId.length() > CallIngest.MAX_EXTERNAL_ID_LENGTH) {
            details.put("call.externalId", "must be 1 to 255 characters");
        }
        AgentReference agent = null;
        if (call.agentId() != null) {
            agent = AgentId.tryParse(call.agentId()).<AgentReference>map(AgentReference.ById::new).orElse(null);
            if (agent == null) {
                details.put("agentId", "must be a UUID");
            }
        } else {
            String agentExternalId = StorableText.of(call.agentExternalId());
            if (agentExternalId.isEmpty() || agentExternalId.length() > 255) {
                details.put("agent.externalId", "must be 1 to 255 characters");
            } else {
                agent = new AgentReference.ByExternalId(agentExternalId, StorableText.of(call.agentName()));
            }
        }
        if (!details.isEmpty()) {
            return new Result.Invalid(details);
        }
        try {
            return new Result.Mapped(new CallIngest(externalId, agent, call.startedAt(), call.endedAt(),
                    call.durationSeconds(), StorableText.of(call.endedReason()), call.cost(),
                    StorableText.of(call.recordingUrl()), StorableText.of(call.customerNumber()),
                    StorableText.of(call.customerName()), StorableText.of(call.version()),
                    StorableText.of(call.nativeVersion()), turns(call.turns()), StorableText.of(call.systemPrompt()),
                    storableObject(call.metadata()), false));
        } catch (IllegalArgumentException invalid) {
            details.put("call", invalid.getMessage());
            return new Result.Invalid(details);
        }
    }

    private static List<TranscriptTurn> turns(List<CanonicalTurn> turns) {
        if (turns == null) {
            return null;
        }
        List<TranscriptTurn> mapped = new ArrayList<>(turns.size());
        for (CanonicalTurn turn : turns) {
            Role role = switch (turn.speaker()) {
                case USER -> Role.USER;
                case ASSISTANT -> Role.ASSISTANT;
                case SYSTEM -> Role.SYSTEM;
                case TOOL -> Role.TOOL;
            };
            mapped.add(new TranscriptTurn(role, StorableText.of(turn.text()), turn.startSeconds(), turn.endSeconds()));
        }
        return mapped;
    }

    private static Map<String, Object> storableObject(Map<String, Object> object) {
        if (object == null) {
            return null;
        }
        Map<String, Object> cleaned = new LinkedHashMap<>();
        object.forEach((key, value) -> cleaned.put(StorableText.of(key), storable(value)));
        return cleaned;
    }

    @SuppressWarnings("unchecked")
    private static Object storable(Object value) {
        if (value instanceof String text) {
            return StorableText.of(text);
        }
        if (value instanceof Map<?, ?> map) {
            return storableObject((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> cleaned = new ArrayList<>(list.size());
            list.forEach(element -> cleaned.add(storable(element)));
            return cleaned;
        }
        return value;
    }
}
