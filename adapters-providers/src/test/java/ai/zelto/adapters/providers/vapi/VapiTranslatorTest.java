package ai.zelto.adapters.providers.vapi;

import static ai.zelto.adapters.providers.Fixtures.bytes;
import static ai.zelto.adapters.providers.Fixtures.delivery;
import static ai.zelto.adapters.providers.Fixtures.processing;
import static ai.zelto.adapters.providers.Fixtures.receiving;
import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.application.spi.provider.CanonicalCall;
import ai.zelto.application.spi.provider.CanonicalTurn;
import ai.zelto.application.spi.provider.CanonicalTurn.Speaker;
import ai.zelto.application.spi.provider.Translation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VapiTranslatorTest {
    private final VapiTranslator translator = new VapiTranslator();

    private Translation translate(String fixture) {
        return translator.translate(delivery(bytes("vapi/" + fixture)), receiving(Map.of()));
    }

    @Test
    void anEndOfCallReport_becomesExactlyThisCall() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("callType", "outboundPhoneCall");
        metadata.put("phoneCallProviderId", "CA123");
        metadata.put("analysis", Map.of("summary", "Order status question.", "successEvaluation", "true"));
        metadata.put("assistantMetadata", Map.of("team", "support"));
        metadata.put("variableValues", Map.of("customer", Map.of("name", "Zoë")));
        CanonicalCall expected = CanonicalCall.builder("2f1a3c4e-8b7d-4e21-9a6f-0c5d2e1b7a90")
                .agentExternalId("asst_5f2e").agentName("Order helper")
                .startedAt(Instant.parse("2026-01-05T17:00:01.120Z")).endedAt(Instant.parse("2026-01-05T17:01:03.620Z"))
                .durationSeconds(new BigDecimal("62.5")).endedReason("customer-ended-call")
                .cost(new BigDecimal("0.1834"))
                .recordingUrl("https://storage.vapi.ai/2f1a3c4e-1767632400000-mono.wav")
                .customerNumber("+14155550123").customerName("Zoë")
                .turns(List.of(
                        new CanonicalTurn(Speaker.ASSISTANT, "Hi Zoë! How can I help?", 1.0, 3.5),
                        new CanonicalTurn(Speaker.USER, "Where is my order? 📦", 4.0, 6.0),
                        new CanonicalTurn(Speaker.TOOL, "lookupOrder({\"orderId\":\"A-17\"})", 6.5, null),
                        new CanonicalTurn(Speaker.TOOL, "{\"status\":\"shipped\"}", 7.0, null),
                        new CanonicalTurn(Speaker.ASSISTANT, "It shipped yesterday.", 8.0, 9.5)))
                .systemPrompt("You help {{customer.name}} with orders.")
                .metadata(metadata)
                .build();

        assertThat(translate("end-of-call-report.json")).isEqualTo(new Translation.Accepted(expected));
    }

    @Test
    void anUnansweredDial_hasNoTurns_soItIsSkippedLater() {
        CanonicalCall call = ((Translation.Accepted) translate("unanswered-dial.json")).call();

        assertThat(call.turns()).isEmpty();
        assertThat(call.recordingUrl()).isNull();
        assertThat(call.systemPrompt()).isEqualTo("You help {{customer.name}} with orders.");
        assertThat(call.endedReason()).isEqualTo("customer-did-not-answer");
        assertThat(call.agentExternalId()).isEqualTo("asst_5f2e");
    }

    @Test
    void aSquadCall_usesTheSquadAsAgent_andTheAssistantVersion() {
        CanonicalCall expected = CanonicalCall.builder("squad-call-1")
                .agentExternalId("squad_42").nativeVersion("v7")
                .startedAt(Instant.parse("2026-02-01T08:00:00Z")).endedAt(Instant.parse("2026-02-01T08:00:30.250Z"))
                .durationSeconds(new BigDecimal("30.250")).endedReason("assistant-ended-call")
                .turns(List.of(new CanonicalTurn(Speaker.ASSISTANT, "Welcome!", 0.5, null),
                        new CanonicalTurn(Speaker.USER, "Thanks", 2.0, null),
                        new CanonicalTurn(Speaker.SYSTEM, "Transferred to billing.", 3.0, null)))
                .metadata(Map.of("callType", "webCall"))
                .build();

        assertThat(translate("squad-call.json")).isEqualTo(new Translation.Accepted(expected));
    }

    @Test
    void anInlineAssistant_getsAStableAgentId() {
        String body = """
                {"message": {"type": "end-of-call-report", "call": {"id": "c-%s"},
                 "assistant": {"name": "Ad hoc", "model": {"messages": [{"role": "system", "content": "Be brief."}]}},
                 "artifact": {"messages": [{"role": "user", "message": "hi"}]}}}""";
        CanonicalCall first = ((Translation.Accepted) translator.translate(
                delivery(body.formatted(1).getBytes(StandardCharsets.UTF_8)), receiving(Map.of()))).call();
        CanonicalCall second = ((Translation.Accepted) translator.translate(
                delivery(body.formatted(2).getBytes(StandardCharsets.UTF_8)), receiving(Map.of()))).call();

        assertThat(first.agentExternalId()).startsWith("inline-").isEqualTo(second.agentExternalId());
    }

    @Test
    void everyOtherMessageType_isDropped_includingAnEndedStatusUpdateAndFutureTypes() {
        assertThat(translate("status-update-ended.json")).isInstanceOf(Translation.Dropped.class);
        assertThat(((Translation.Dropped) translate("future-event.json")).reason())
                .isEqualTo("Vapi 'call.artifact.upload' messages are not finished calls");
    }

    @Test
    void theServerSecret_whenConfigured_mustMatch() {
        byte[] body = bytes("vapi/end-of-call-report.json");
        Map<String, String> settings = Map.of("serverSecret", "s3cret-value");

        assertThat(translator.translate(delivery(body, "X-Vapi-Secret", "s3cret-value"), receiving(settings)))
                .isInstanceOf(Translation.Accepted.class);
        for (Translation refused : List.of(
                translator.translate(delivery(body, "X-Vapi-Secret", "wrong"), receiving(settings)),
                translator.translate(delivery(body), receiving(settings)))) {
            assertThat(refused).isInstanceOf(Translation.Rejected.class);
            assertThat(((Translation.Rejected) refused).kind()).isEqualTo(Translation.Kind.AUTHENTICATION);
        }
        assertThat(translator.translate(delivery(body), receiving(Map.of()))).isInstanceOf(Translation.Accepted.class);
        assertThat(translator.translate(delivery(body), processing(settings))).isInstanceOf(Translation.Accepted.class);
    }

    @Test
    void structurallyBrokenReports_areRejectedWithTheirPath() {
        assertThat(translator.translate(delivery("nope".getBytes(StandardCharsets.UTF_8)), receiving(Map.of())))
                .isEqualTo(Translation.Rejected.malformed());
        assertThat(translator.translate(delivery("{}".getBytes(StandardCharsets.UTF_8)), receiving(Map.of())))
                .isEqualTo(Translation.Rejected.invalid(Map.of("message", "is required: a Vapi server message")));
        assertThat(translator.translate(delivery("{\"message\":{\"type\":\"end-of-call-report\",\"call\":{}}}"
                .getBytes(StandardCharsets.UTF_8)), receiving(Map.of())))
                .isEqualTo(Translation.Rejected.invalid(Map.of("message.call.id", "is required: the Vapi call id")));
    }
}
