package ai.zelto.adapters.providers.common;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.application.spi.provider.CanonicalCall;
import ai.zelto.application.spi.provider.CanonicalTurn;
import ai.zelto.application.spi.provider.CanonicalTurn.Speaker;
import ai.zelto.application.spi.provider.JsonLimits;
import ai.zelto.application.spi.provider.RawDelivery;
import ai.zelto.application.spi.provider.Translation;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
    private static Translation translate(String json) {
        return CanonicalJson.translate(new RawDelivery(json.getBytes(StandardCharsets.UTF_8), Map.of()));
    }

    private static Map<String, String> errors(String json) {
        Translation translation = translate(json);
        assertThat(translation).isInstanceOf(Translation.Rejected.class);
        Translation.Rejected rejected = (Translation.Rejected) translation;
        assertThat(rejected.kind()).isEqualTo(Translation.Kind.VALIDATION);
        return rejected.details();
    }

    @Test
    void aFullVoiceCall_becomesExactlyThisCanonicalCall() throws IOException {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/zelto/voice-call.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("ok", true);
        nested.put("none", null);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("channel", "phone");
        metadata.put("tags", List.of("vip", 3L));
        metadata.put("score", new BigDecimal("0.5"));
        metadata.put("nested", nested);
        CanonicalCall expected = CanonicalCall.builder("call_8f2a")
                .agentExternalId("support-v2").agentName("Support")
                .startedAt(Instant.parse("2026-03-02T10:15:00Z")).endedAt(Instant.parse("2026-03-02T10:17:05Z"))
                .durationSeconds(new BigDecimal("125.5")).endedReason("customer-ended-call")
                .cost(new BigDecimal("0.42")).recordingUrl("https://storage.example.com/rec/call_8f2a.wav")
                .customerNumber("+15551234567").customerName("Ada").version("v3")
                .turns(List.of(new CanonicalTurn(Speaker.SYSTEM, "You are Support.", null, null),
                        new CanonicalTurn(Speaker.ASSISTANT, "Hello, how can I help?", 0.4, 2.1),
                        new CanonicalTurn(Speaker.USER, "My order is late.", 2.8, 4.0),
                        new CanonicalTurn(Speaker.TOOL, "{\"order\": \"late\"}", null, null)))
                .metadata(metadata)
                .build();

        assertThat(translate(json)).isEqualTo(new Translation.Accepted(expected));
    }

    @Test
    void onlyTheExternalIdAndAnAgentReference_areRequired() {
        assertThat(translate("{\"call\":{\"externalId\":\"x\"},\"agentId\":\"3c90c3cc-0d44-4b50-8888-8dd25736052a\"}"))
                .isInstanceOf(Translation.Accepted.class);
        assertThat(errors("{\"call\":{}}")).containsOnlyKeys("call.externalId", "agent");
        assertThat(errors("{}")).containsOnlyKeys("call", "agent");
    }

    @Test
    void everyOffendingField_isReportedByItsJsonPath() {
        Map<String, String> details = errors("""
                {"call": {"externalId": 42, "durationSeconds": -1, "startedAt": "yesterday", "cost": "1",
                          "recordingUrl": "ftp://x/y", "customer": "Ann"},
                 "agent": {"externalId": ""},
                 "version": "",
                 "transcript": {"turns": [{"role": "user", "text": "ok"}, {"text": "no role"},
                                          {"role": "robot"}, {"role": "user", "startSeconds": "0"}, 7]},
                 "metadata": []}
                """);

        assertThat(details).containsOnlyKeys("call.externalId", "call.durationSeconds", "call.startedAt", "call.cost",
                "call.recordingUrl", "call.customer", "agent.externalId", "version", "transcript.turns[1].role",
                "transcript.turns[2].role", "transcript.turns[3].startSeconds", "transcript.turns[4]", "metadata");
        assertThat(details.get("call.externalId")).isEqualTo("must be a string");
        assertThat(details.get("transcript.turns[2].role")).isEqualTo("must be one of user, assistant, system, tool");
    }

    @Test
    void explicitNulls_areTheSameAsAbsentFields() {
        Translation translation = translate("""
                {"call": {"externalId": "x", "recordingUrl": null, "customer": null},
                 "agent": {"externalId": "a", "name": null}, "version": null, "transcript": null, "metadata": null}
                """);

        CanonicalCall call = ((Translation.Accepted) translation).call();
        assertThat(call.recordingUrl()).isNull();
        assertThat(call.turns()).isNull();
        assertThat(call.metadata()).isNull();
    }

    @Test
    void bodiesThatAreNotOneJsonDocument_areMalformed() {
        for (String body : List.of("", "not json", "{\"call\":", "{} {}", "{\"a\":1,\"a\":2}")) {
            assertThat(translate(body)).as(body).isEqualTo(Translation.Rejected.malformed());
        }
        assertThat(errors("[1,2]")).containsOnlyKeys("$");
    }

    @Test
    void hugeNumbers_areRefusedNotOverflowed() {
        assertThat(errors("{\"call\":{\"externalId\":\"x\",\"durationSeconds\":1e999},\"agent\":{\"externalId\":\"a\"}}"))
                .containsOnlyKeys("call.durationSeconds");
    }

    @Test
    void aBodyWithMoreTokensThanTheLimit_isTooLarge_soItsTreeIsNeverBuilt() {
        // Around the array, the body has 15 tokens; each "1" in it is one more.
        assertThat(translate(withNumbers(JsonLimits.MAX_TOKENS - 15 - 10))).isInstanceOf(Translation.Accepted.class);
        assertThat(translate(withNumbers(JsonLimits.MAX_TOKENS - 15 + 10))).isEqualTo(Translation.Rejected.tooLarge(
                "holds more than 1000000 JSON tokens (braces, brackets, names and values)"));
    }

    private static String withNumbers(long count) {
        StringBuilder body = new StringBuilder("{\"call\":{\"externalId\":\"x\"},\"agent\":{\"externalId\":\"a\"},\"m\":[1");
        for (long i = 1; i < count; i++) {
            body.append(",1");
        }
        return body.append("]}").toString();
    }

    @Test
    void nestingDeeperThanTheLimit_isMalformed() {
        String deep = "[".repeat(JsonLimits.MAX_NESTING_DEPTH + 1) + "]".repeat(JsonLimits.MAX_NESTING_DEPTH + 1);

        assertThat(translate(deep)).isEqualTo(Translation.Rejected.malformed());
    }
}
