package ai.zelto.adapters.providers.retell;

import static ai.zelto.adapters.providers.Fixtures.bytes;
import static ai.zelto.adapters.providers.Fixtures.delivery;
import static ai.zelto.adapters.providers.Fixtures.processing;
import static ai.zelto.adapters.providers.Fixtures.receiving;
import static ai.zelto.adapters.providers.Fixtures.receivingByHook;
import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.adapters.providers.common.CanonicalJson;
import ai.zelto.application.spi.provider.CanonicalCall;
import ai.zelto.application.spi.provider.CanonicalTurn;
import ai.zelto.application.spi.provider.CanonicalTurn.Speaker;
import ai.zelto.application.spi.provider.Translation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetellTranslatorTest {
    private static final Instant NOW = Instant.parse("2026-01-06T12:00:00Z");
    private static final String API_KEY = "key_9f8e7d6c5b4a";
    private final RetellTranslator translator = new RetellTranslator(Clock.fixed(NOW, ZoneOffset.UTC));

    private Translation translate(String fixture) {
        return translator.translate(delivery(bytes("retell/" + fixture)), receiving(Map.of()));
    }

    private static Map<String, Object> endedMetadata() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("metadata", Map.of("crm_id", 4411L));
        metadata.put("retell_llm_dynamic_variables", Map.of("customer_name", "José Álvarez"));
        metadata.put("call_type", "phone_call");
        metadata.put("direction", "inbound");
        metadata.put("agent_tag", "prod");
        return metadata;
    }

    private static CanonicalCall.Builder endedCall() {
        return CanonicalCall.builder("call_6a4b1e0f9c")
                .agentExternalId("agent_3d9e2b").agentName("Clinic reception").nativeVersion("0")
                .startedAt(Instant.ofEpochMilli(1767700800000L)).endedAt(Instant.ofEpochMilli(1767700895250L))
                .durationSeconds(new BigDecimal("95.25")).endedReason("user_hangup")
                .cost(new BigDecimal("0.0637"))
                .recordingUrl("https://dxc03zgurdly9.cloudfront.net/call_6a4b1e0f9c/recording.wav")
                .customerNumber("+12125550147").customerName("José Álvarez")
                .turns(List.of(
                        new CanonicalTurn(Speaker.ASSISTANT, "Good morning!", 0.4, 1.3),
                        new CanonicalTurn(Speaker.USER, "I need to move my appointment.", 2.0, 4.05),
                        new CanonicalTurn(Speaker.TOOL, "find_slot({\"day\":\"friday\"})", null, null),
                        new CanonicalTurn(Speaker.TOOL, "{\"slot\":\"10:00\"}", null, null),
                        new CanonicalTurn(Speaker.USER, "DTMF 5", null, null),
                        new CanonicalTurn(Speaker.ASSISTANT, "Friday at ten works.", null, null)));
    }

    @Test
    void callEnded_becomesExactlyThisCall_withVersionZeroMillisecondsAndCents() {
        assertThat(translate("call_ended.json"))
                .isEqualTo(new Translation.Accepted(endedCall().metadata(endedMetadata()).build()));
    }

    @Test
    void callAnalyzed_isTheSameCall_plusItsAnalysis() {
        Map<String, Object> metadata = endedMetadata();
        Map<String, Object> analysis = new LinkedHashMap<>();
        analysis.put("call_summary", "Rescheduled to Friday 10:00.");
        analysis.put("call_successful", true);
        analysis.put("user_sentiment", "Positive");
        analysis.put("in_voicemail", false);
        metadata.put("call_analysis", analysis);

        assertThat(translate("call_analyzed.json"))
                .isEqualTo(new Translation.Accepted(endedCall().metadata(metadata).build()));
    }

    @Test
    void anUnconnectedCall_hasNoTranscriptNorRecording_andTheCalleeAsCustomer() {
        CanonicalCall call = ((Translation.Accepted) translate("not_connected.json")).call();

        assertThat(call.turns()).isNull();
        assertThat(call.recordingUrl()).isNull();
        assertThat(call.customerNumber()).isEqualTo("+12125550999");
        assertThat(call.nativeVersion()).isEqualTo("4");
        assertThat(call.metadata().get("metadata")).isEqualTo(Map.of("value", "campaign-7"));
    }

    @Test
    void otherEvents_areDropped() {
        assertThat(translate("call_started.json"))
                .isEqualTo(new Translation.Dropped("Retell 'call_started' events are not finished calls"));
    }

    @Test
    void aValidSignature_overTheRawBytes_isAccepted() {
        byte[] body = bytes("retell/call_ended.json");
        String signature = RetellSignature.sign(body, API_KEY, NOW.toEpochMilli() - 60_000);

        assertThat(translator.translate(delivery(body, "x-retell-signature", signature),
                receiving(Map.of("apiKey", API_KEY)))).isInstanceOf(Translation.Accepted.class);
        assertThat(translator.translate(delivery(body, "X-Retell-Signature", signature),
                receivingByHook(Map.of("apiKey", API_KEY)))).isInstanceOf(Translation.Accepted.class);
    }

    @Test
    void aBadLateOrMissingSignature_isUnauthenticated() {
        byte[] body = bytes("retell/call_ended.json");
        Map<String, String> settings = Map.of("apiKey", API_KEY);
        String wrongKey = RetellSignature.sign(body, "another key", NOW.toEpochMilli());
        String late = RetellSignature.sign(body, API_KEY, NOW.toEpochMilli() - 301_000);
        String tampered = RetellSignature.sign(body, API_KEY, NOW.toEpochMilli()).replace("d=", "d=0").substring(0, 80);

        for (String header : new String[] {wrongKey, late, tampered, "v=1,d=xyz", ""}) {
            assertUnauthenticated(translator.translate(delivery(body, "x-retell-signature", header), receiving(settings)));
        }
        assertUnauthenticated(translator.translate(delivery(body), receiving(settings)));
        assertUnauthenticated(translator.translate(delivery(body), receivingByHook(Map.of())));
    }

    @Test
    void withoutAnApiKey_theZeltoKeyAlone_authenticates_andProcessingNeverChecksAgain() {
        byte[] body = bytes("retell/call_ended.json");
        assertThat(translator.translate(delivery(body), receiving(Map.of()))).isInstanceOf(Translation.Accepted.class);
        assertThat(translator.translate(delivery(body, "x-retell-signature", "v=1,d=" + "0".repeat(64)),
                processing(Map.of("apiKey", API_KEY)))).isInstanceOf(Translation.Accepted.class);
    }

    @Test
    void theSignature_coversTheExactBytes_soAReSerializedBodyFails() throws Exception {
        byte[] raw = bytes("retell/escaped-unicode.json");
        String signature = RetellSignature.sign(raw, API_KEY, NOW.toEpochMilli());
        byte[] reserialized = CanonicalJson.MAPPER.writeValueAsBytes(CanonicalJson.MAPPER.readTree(raw));

        Translation accepted = translator.translate(delivery(raw, "x-retell-signature", signature),
                receiving(Map.of("apiKey", API_KEY)));
        assertThat(((Translation.Accepted) accepted).call().turns().get(0).text())
                .isEqualTo("Café crème, s’il vous plaît");
        assertThat(reserialized).isNotEqualTo(raw);
        assertUnauthenticated(translator.translate(delivery(reserialized, "x-retell-signature", signature),
                receiving(Map.of("apiKey", API_KEY))));
    }

    private static void assertUnauthenticated(Translation translation) {
        assertThat(translation).isInstanceOf(Translation.Rejected.class);
        assertThat(((Translation.Rejected) translation).kind()).isEqualTo(Translation.Kind.AUTHENTICATION);
    }
}
