package ai.zelto.adapters.providers.retell;

import static ai.zelto.adapters.providers.common.Lenient.at;
import static ai.zelto.adapters.providers.common.Lenient.epochMillis;
import static ai.zelto.adapters.providers.common.Lenient.first;
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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps Retell's {@code call_ended} / {@code call_analyzed} (research/providers.md §2.3–2.4). Decisions where
 * the research leaves room: {@code transfer_target} speaks for the business ({@code assistant}); DTMF and SMS
 * entries are the user's ({@code DTMF 5}); injected text is a system turn; node transitions are left out; tool
 * invocations read {@code name(arguments)}. {@code metadata} holds Retell's own {@code metadata} (wrapped as
 * {@code {"value": ...}} when not an object), dynamic variables, the analysis, call type, direction, agent tag.
 */
final class RetellTranslator implements DeliveryTranslator {
    static final String API_KEY = "apiKey";
    private static final Set<String> TERMINAL = Set.of("call_ended", "call_analyzed");

    private final Clock clock;

    RetellTranslator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Translation translate(RawDelivery delivery, DeliveryContext context) {
        if (context.verifyOrigin()) {
            String apiKey = context.setting(API_KEY).orElse(null);
            if (apiKey == null && context.channel() == DeliveryContext.Channel.HOOK_URL) {
                return Translation.Rejected.unauthenticated(
                        "a Retell hook URL needs the organization's Retell API key configured to verify signatures");
            }
            if (apiKey != null) {
                String problem = RetellSignature.problem(delivery.header("x-retell-signature").orElse(null),
                        delivery.body(), apiKey, clock);
                if (problem != null) {
                    return Translation.Rejected.unauthenticated(problem);
                }
            }
        }
        JsonNode root;
        try {
            root = CanonicalJson.parse(delivery);
        } catch (CanonicalJson.Unparsable unparsable) {
            return unparsable.rejection();
        }
        if (!root.isObject()) {
            return Translation.Rejected.invalid(Map.of("$", "must be a JSON object"));
        }
        String event = text(root, "event");
        if (event == null) {
            return Translation.Rejected.invalid(Map.of("event", "is required"));
        }
        if (!TERMINAL.contains(event)) {
            return new Translation.Dropped("Retell '" + event + "' events are not finished calls");
        }
        JsonNode call = first(at(root, "call"), at(root, "data"));
        if (call == null || !call.isObject()) {
            return Translation.Rejected.invalid(Map.of("call", "is required: the Retell call object"));
        }
        return call(call);
    }

    private static Translation call(JsonNode call) {
        Map<String, String> errors = new LinkedHashMap<>();
        String callId = text(call, "call_id");
        if (callId == null || callId.isEmpty() || callId.length() > 255) {
            errors.put("call.call_id", "is required: the Retell call id");
        }
        String agentId = text(call, "agent_id");
        if (agentId == null || agentId.isEmpty() || agentId.length() > 255) {
            errors.put("call.agent_id", "is required: the Retell agent id");
        }
        if (!errors.isEmpty()) {
            return Translation.Rejected.invalid(errors);
        }
        Instant startedAt = epochMillis(call, "start_timestamp");
        Instant endedAt = epochMillis(call, "end_timestamp");
        BigDecimal duration = first(millisToSeconds(number(call, "duration_ms")),
                startedAt != null && endedAt != null && !endedAt.isBefore(startedAt)
                        ? millisToSeconds(BigDecimal.valueOf(endedAt.toEpochMilli() - startedAt.toEpochMilli()))
                        : null);
        BigDecimal cents = number(call, "call_cost", "combined_cost");
        String direction = text(call, "direction");
        String customerNumber = "outbound".equals(direction) ? text(call, "to_number")
                : "inbound".equals(direction) ? text(call, "from_number") : null;
        return new Translation.Accepted(CanonicalCall.builder(callId)
                .agentExternalId(agentId)
                .agentName(text(call, "agent_name"))
                .nativeVersion(scalar(call, "agent_version"))
                .startedAt(startedAt)
                .endedAt(endedAt)
                .durationSeconds(duration)
                .endedReason(text(call, "disconnection_reason"))
                .cost(cents == null ? null : cents.divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP)
                        .stripTrailingZeros())
                .recordingUrl(first(url(call, "recording_url"), url(call, "scrubbed_recording_url")))
                .customerNumber(customerNumber)
                .customerName(text(call, "retell_llm_dynamic_variables", "customer_name"))
                .turns(turns(first(array(call, "transcript_with_tool_calls"), array(call, "transcript_object"))))
                .metadata(metadata(call))
                .build());
    }

    private static JsonNode array(JsonNode node, String field) {
        JsonNode value = at(node, field);
        return value != null && value.isArray() ? value : null;
    }

    private static List<CanonicalTurn> turns(JsonNode utterances) {
        if (utterances == null) {
            return null;
        }
        List<CanonicalTurn> turns = new ArrayList<>();
        for (JsonNode utterance : utterances) {
            String role = text(utterance, "role");
            if (role == null) {
                continue;
            }
            String content = text(utterance, "content");
            Double timeSec = Lenient.seconds(number(utterance, "time_sec"));
            switch (role) {
                case "agent", "transfer_target" -> turns.add(spoken(Speaker.ASSISTANT, content, utterance));
                case "user" -> turns.add(spoken(Speaker.USER, content, utterance));
                case "tool_call_invocation" -> turns.add(new CanonicalTurn(Speaker.TOOL,
                        first(text(utterance, "name"), "tool") + "(" + first(text(utterance, "arguments"), "") + ")",
                        timeSec, null));
                case "tool_call_result" -> turns.add(new CanonicalTurn(Speaker.TOOL, content, timeSec, null));
                case "dtmf" -> turns.add(new CanonicalTurn(Speaker.USER, "DTMF " + first(scalar(utterance, "digit"), ""),
                        timeSec, null));
                case "sms" -> turns.add(new CanonicalTurn(Speaker.USER, content, timeSec, null));
                case "injected" -> turns.add(new CanonicalTurn(Speaker.SYSTEM, content, timeSec, null));
                default -> {
                    // node transitions and roles this mapping does not know are not part of the conversation
                }
            }
        }
        return turns;
    }

    /** A spoken utterance, timed by its first and last word (seconds of call audio). */
    private static CanonicalTurn spoken(Speaker speaker, String content, JsonNode utterance) {
        JsonNode words = at(utterance, "words");
        Double start = null;
        Double end = null;
        if (words != null && words.isArray() && !words.isEmpty()) {
            start = Lenient.seconds(number(words.get(0), "start"));
            end = Lenient.seconds(number(words.get(words.size() - 1), "end"));
        }
        if (start == null) {
            start = Lenient.seconds(number(utterance, "time_sec"));
        }
        if (start != null && end != null && end < start) {
            end = null;
        }
        return new CanonicalTurn(speaker, content, start, end);
    }

    private static BigDecimal millisToSeconds(BigDecimal millis) {
        return millis == null ? null : millis.divide(BigDecimal.valueOf(1000), 3, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }

    private static Map<String, Object> metadata(JsonNode call) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        JsonNode own = at(call, "metadata");
        if (own != null) {
            metadata.put("metadata", own.isObject() ? JsonValues.toObject(own) : Map.of("value", JsonValues.toValue(own)));
        }
        for (String field : List.of("retell_llm_dynamic_variables", "collected_dynamic_variables", "call_analysis",
                "call_type", "direction", "agent_tag", "telephony_identifier")) {
            JsonNode value = at(call, field);
            if (value != null) {
                metadata.put(field, JsonValues.toValue(value));
            }
        }
        return metadata.isEmpty() ? null : metadata;
    }
}
