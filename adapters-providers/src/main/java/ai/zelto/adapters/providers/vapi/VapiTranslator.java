package ai.zelto.adapters.providers.vapi;

import static ai.zelto.adapters.providers.common.Lenient.at;
import static ai.zelto.adapters.providers.common.Lenient.first;
import static ai.zelto.adapters.providers.common.Lenient.isoInstant;
import static ai.zelto.adapters.providers.common.Lenient.number;
import static ai.zelto.adapters.providers.common.Lenient.scalar;
import static ai.zelto.adapters.providers.common.Lenient.text;
import static ai.zelto.adapters.providers.common.Lenient.url;

import ai.zelto.adapters.providers.common.CanonicalJson;
import ai.zelto.adapters.providers.common.JsonValues;
import ai.zelto.adapters.providers.common.Lenient;
import ai.zelto.application.spi.provider.CanonicalCall;
import ai.zelto.application.spi.provider.CanonicalTurn;
import ai.zelto.application.spi.provider.CanonicalTurn.Speaker;
import ai.zelto.application.spi.provider.DeliveryContext;
import ai.zelto.application.spi.provider.DeliveryTranslator;
import ai.zelto.application.spi.provider.RawDelivery;
import ai.zelto.application.spi.provider.Translation;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a Vapi end-of-call report (research/providers.md §1.3–1.5). Decisions where the research leaves room:
 * <ul>
 *   <li>the transcript comes from {@code artifact.messages} only (else the legacy top-level {@code messages});
 *       a leading system message is the rendered prompt, not a turn; later system messages are turns;</li>
 *   <li>{@code systemPrompt} is the configured template ({@code assistant.model.messages[role=system]}), so the
 *       version hash is stable across calls whose variables differ; the rendered prompt is the fallback;</li>
 *   <li>the agent is {@code call.assistantId}, else {@code assistant.id}, else the squad or workflow id, else
 *       {@code inline-} + a hash of the inline assistant's name and prompt;</li>
 *   <li>turn times: start = {@code secondsFromStart}, end = start + ({@code endTime} − {@code time}) / 1000
 *       ({@code duration} is ignored: its unit varies);</li>
 *   <li>tool calls are one turn per message, {@code name(arguments)} joined by {@code "; "}; messages of an
 *       unknown role are left out.</li>
 * </ul>
 */
final class VapiTranslator implements DeliveryTranslator {
    static final String SERVER_SECRET = "serverSecret";
    static final String END_OF_CALL_REPORT = "end-of-call-report";

    @Override
    public Translation translate(RawDelivery delivery, DeliveryContext context) {
        if (context.verifyOrigin()) {
            String secret = context.setting(SERVER_SECRET).orElse(null);
            if (secret != null && !Lenient.sameSecret(secret, delivery.header("X-Vapi-Secret").orElse(null))) {
                return Translation.Rejected.unauthenticated("X-Vapi-Secret does not match the configured server secret");
            }
        }
        JsonNode root;
        try {
            root = CanonicalJson.parse(delivery);
        } catch (CanonicalJson.Unparsable unparsable) {
            return unparsable.rejection();
        }
        JsonNode message = at(root, "message");
        if (message == null || !message.isObject()) {
            return Translation.Rejected.invalid(Map.of("message", "is required: a Vapi server message"));
        }
        String type = text(message, "type");
        if (type == null) {
            return Translation.Rejected.invalid(Map.of("message.type", "is required"));
        }
        if (!type.equals(END_OF_CALL_REPORT)) {
            return new Translation.Dropped("Vapi '" + type + "' messages are not finished calls");
        }
        return report(message);
    }

    private static Translation report(JsonNode message) {
        JsonNode call = at(message, "call");
        String callId = text(call, "id");
        if (callId == null || callId.isEmpty() || callId.length() > 255) {
            return Translation.Rejected.invalid(Map.of("message.call.id", "is required: the Vapi call id"));
        }
        JsonNode assistant = first(at(message, "assistant"), at(call, "assistant"));
        String configuredPrompt = configuredPrompt(assistant);
        List<CanonicalTurn> turns = new ArrayList<>();
        String renderedPrompt = transcript(first(at(message, "artifact", "messages"), at(message, "messages")), turns);
        String systemPrompt = first(configuredPrompt, renderedPrompt);
        Instant startedAt = first(isoInstant(message, "startedAt"), isoInstant(call, "startedAt"));
        Instant endedAt = first(isoInstant(message, "endedAt"), isoInstant(call, "endedAt"));
        BigDecimal duration = first(number(message, "durationSeconds"),
                millisToSeconds(number(message, "durationMs")), between(startedAt, endedAt));
        return new Translation.Accepted(CanonicalCall.builder(callId)
                .agentExternalId(agentId(call, assistant, systemPrompt))
                .agentName(first(text(message, "assistant", "name"), text(call, "assistant", "name")))
                .nativeVersion(first(scalar(message, "assistantVersion"), scalar(call, "assistantVersion")))
                .startedAt(startedAt)
                .endedAt(endedAt)
                .durationSeconds(duration)
                .endedReason(first(text(message, "endedReason"), text(call, "endedReason")))
                .cost(first(number(message, "cost"), number(call, "cost")))
                .recordingUrl(first(url(message, "artifact", "recording", "mono", "combinedUrl"),
                        url(message, "artifact", "recordingUrl"), url(message, "recordingUrl"),
                        url(message, "artifact", "recording", "stereoUrl"),
                        url(message, "artifact", "stereoRecordingUrl"), url(message, "stereoRecordingUrl")))
                .customerNumber(first(text(message, "customer", "number"), text(call, "customer", "number")))
                .customerName(first(text(message, "customer", "name"), text(call, "customer", "name")))
                .turns(turns)
                .systemPrompt(systemPrompt)
                .metadata(metadata(message, call, assistant))
                .build());
    }

    /** The agent's id: saved assistant, squad, workflow, or a stable id for an inline assistant. */
    private static String agentId(JsonNode call, JsonNode assistant, String systemPrompt) {
        String saved = first(text(call, "assistantId"), text(assistant, "id"), text(call, "squadId"),
                text(call, "workflowId"));
        if (saved != null && !saved.isEmpty() && saved.length() <= 255) {
            return saved;
        }
        String name = text(assistant, "name");
        return "inline-" + Lenient.stableId((name == null ? "" : name) + "\n" + (systemPrompt == null ? "" : systemPrompt));
    }

    private static String configuredPrompt(JsonNode assistant) {
        JsonNode messages = at(assistant, "model", "messages");
        if (messages != null && messages.isArray()) {
            for (JsonNode entry : messages) {
                if ("system".equals(text(entry, "role"))) {
                    String content = text(entry, "content");
                    if (content != null) {
                        return content;
                    }
                }
            }
        }
        return text(assistant, "model", "systemPrompt");
    }

    /**
     * Appends the turns of Vapi's message list and returns the rendered prompt (a leading system message), if
     * any.
     */
    private static String transcript(JsonNode messages, List<CanonicalTurn> turns) {
        if (messages == null || !messages.isArray()) {
            return null;
        }
        String prompt = null;
        for (JsonNode entry : messages) {
            String role = text(entry, "role");
            if (role == null) {
                continue;
            }
            String text = first(text(entry, "message"), text(entry, "content"));
            Double start = Lenient.seconds(number(entry, "secondsFromStart"));
            switch (role) {
                case "system" -> {
                    if (turns.isEmpty() && prompt == null) {
                        prompt = text;
                    } else {
                        turns.add(new CanonicalTurn(Speaker.SYSTEM, text, start, null));
                    }
                }
                case "bot", "assistant" -> turns.add(new CanonicalTurn(Speaker.ASSISTANT, text, start, end(entry, start)));
                case "user" -> turns.add(new CanonicalTurn(Speaker.USER, text, start, end(entry, start)));
                case "tool_calls" -> turns.add(new CanonicalTurn(Speaker.TOOL, toolCalls(entry), start, null));
                case "tool_call_result", "function_result" -> turns.add(new CanonicalTurn(Speaker.TOOL,
                        first(resultText(at(entry, "result")), text), start, null));
                case "function_call" -> turns.add(new CanonicalTurn(Speaker.TOOL,
                        call(text(entry, "name"), first(resultText(at(entry, "args")), "")), start, null));
                default -> {
                    // a role this mapping does not know is not part of the conversation
                }
            }
        }
        return prompt;
    }

    private static Double end(JsonNode entry, Double start) {
        BigDecimal time = number(entry, "time");
        BigDecimal endTime = number(entry, "endTime");
        if (start == null || time == null || endTime == null || endTime.compareTo(time) < 0) {
            return null;
        }
        return start + endTime.subtract(time).doubleValue() / 1000.0;
    }

    private static String toolCalls(JsonNode entry) {
        JsonNode calls = at(entry, "toolCalls");
        List<String> rendered = new ArrayList<>();
        if (calls != null && calls.isArray()) {
            for (JsonNode toolCall : calls) {
                rendered.add(call(text(toolCall, "function", "name"),
                        first(resultText(at(toolCall, "function", "arguments")), "")));
            }
        }
        String text = String.join("; ", rendered);
        return text.isEmpty() ? first(text(entry, "message"), "") : text;
    }

    private static String call(String name, String arguments) {
        return (name == null ? "tool" : name) + "(" + arguments + ")";
    }

    /** A string as it is; any other JSON value as its JSON text. */
    private static String resultText(JsonNode value) {
        if (value == null) {
            return null;
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }

    private static BigDecimal millisToSeconds(BigDecimal millis) {
        return millis == null ? null : millis.divide(BigDecimal.valueOf(1000), 3, RoundingMode.HALF_UP);
    }

    private static BigDecimal between(Instant start, Instant end) {
        if (start == null || end == null || end.isBefore(start)) {
            return null;
        }
        return BigDecimal.valueOf(Duration.between(start, end).toMillis()).movePointLeft(3);
    }

    private static Map<String, Object> metadata(JsonNode message, JsonNode call, JsonNode assistant) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        put(metadata, "callType", at(call, "type"));
        put(metadata, "phoneCallProviderId", at(call, "phoneCallProviderId"));
        put(metadata, "analysis", at(message, "analysis"));
        put(metadata, "assistantMetadata", at(assistant, "metadata"));
        put(metadata, "variableValues", at(message, "artifact", "variableValues"));
        return metadata.isEmpty() ? null : metadata;
    }

    private static void put(Map<String, Object> metadata, String key, JsonNode value) {
        if (value != null) {
            metadata.put(key, value.isObject() ? JsonValues.toObject(value) : JsonValues.toValue(value));
        }
    }
}
