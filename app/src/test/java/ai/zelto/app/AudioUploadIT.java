package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audio-only uploads through the real server, transcribed by an OpenAI-compatible server on 127.0.0.1. */
class AudioUploadIT {
    @TempDir
    static Path dataDir;

    private static SpeechToTextServer speechToText;
    private static TestServer server;

    @BeforeAll
    static void start() {
        speechToText = new SpeechToTextServer();
        server = TestServer.start(Map.of("ZELTO_DATA_DIR", dataDir.toString(), "ZELTO_TRANSCRIBER", "openai",
                "ZELTO_TRANSCRIBER_URL", speechToText.baseUrl(), "ZELTO_TRANSCRIBER_API_KEY", SpeechToTextServer.API_KEY,
                "ZELTO_RECORDING_RETRY_BASE_MILLIS", "50", "ZELTO_RECORDING_MAX_ATTEMPTS", "2"));
    }

    @AfterAll
    static void stop() {
        server.close();
        speechToText.close();
    }

    static HttpResponse<String> upload(TestServer target, Map<String, String> fields, byte[] audio) {
        Multipart form = new Multipart().fields(fields);
        if (audio != null) {
            form.file("file", "call.wav", audio);
        }
        return target.send(form.applyTo(HttpRequest.newBuilder(target.uri("/v1/conversations/audio"))
                .header("Authorization", "Bearer " + TestServer.KEY)).build());
    }

    static Map<String, String> fields(String externalId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("externalId", externalId);
        fields.put("agent.externalId", "audio-agent");
        fields.put("agent.name", "Audio agent");
        fields.put("version", "v9");
        fields.put("metadata", "{\"channel\": \"phone\"}");
        return fields;
    }

    static JsonNode awaitTranscript(TestServer target, String conversationId) {
        for (int i = 0; i < 600; i++) {
            JsonNode conversation = target.getJson("/v1/conversations/" + conversationId);
            if (!conversation.get("transcript").get("turns").isEmpty()) {
                return conversation;
            }
            TestServer.sleep(50);
        }
        throw new AssertionError("no transcript for " + conversationId);
    }

    @Test
    void anAudioUpload_isStored_transcribed_played_andCharged() {
        long before = server.getJson("/v1/credits").get("charged").asLong();
        byte[] wav = TestAudio.wav(3.0);
        HttpResponse<String> response = upload(server, fields("audio-1"), wav);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"received\":true}");
        JsonNode delivery = server.awaitProcessed(response.headers().firstValue("X-Zelto-Delivery-Id").orElseThrow());
        assertThat(delivery.get("status").asText()).isEqualTo("processed");
        JsonNode conversation = awaitTranscript(server, delivery.get("conversationId").asText());

        assertThat(conversation.get("agent").get("name").asText()).isEqualTo("Audio agent");
        assertThat(conversation.get("version").asText()).isEqualTo("v9");
        assertThat(conversation.get("metadata").get("channel").asText()).isEqualTo("phone");
        assertThat(conversation.get("durationSeconds").decimalValue()).isEqualByComparingTo("3");
        assertThat(conversation.get("transcript").get("turns").toString()).isEqualTo(
                "[{\"role\":\"user\",\"text\":\"Hello, I need help.\",\"startSeconds\":0.0,\"endSeconds\":1.4},"
                        + "{\"role\":\"user\",\"text\":\"Sure, what is it?\",\"startSeconds\":1.6,\"endSeconds\":2.9}]");
        JsonNode recording = conversation.get("recording");
        assertThat(recording.get("status").asText()).isEqualTo("stored");
        assertThat(recording.get("sourceUrl").isNull()).isTrue();
        assertThat(recording.get("bytes").asLong()).isEqualTo(wav.length);
        HttpResponse<byte[]> played = server.sendBytes(HttpRequest.newBuilder(server.uri("/v1/conversations/"
                + conversation.get("id").asText() + "/recording")).header("Authorization", "Bearer " + TestServer.KEY)
                .header("Range", "bytes=0-43").build());
        assertThat(played.statusCode()).isEqualTo(206);
        assertThat(new String(played.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(server.getJson("/v1/credits").get("charged").asLong() - before).isEqualTo(1);
    }

    @Test
    void aTranscriptionThatKeepsFailing_showsOnTheDelivery() {
        byte[] wav = TestAudio.wav(1.0);
        byte[] failing = new byte[wav.length + 4];
        System.arraycopy(wav, 0, failing, 0, wav.length);
        System.arraycopy("FAIL".getBytes(StandardCharsets.US_ASCII), 0, failing, wav.length, 4);
        HttpResponse<String> response = upload(server, fields("audio-failing"), failing);
        String deliveryId = response.headers().firstValue("X-Zelto-Delivery-Id").orElseThrow();

        JsonNode delivery = null;
        for (int i = 0; i < 400; i++) {
            delivery = server.getJson("/v1/deliveries/" + deliveryId);
            if (delivery.get("status").asText().equals("failed")) {
                break;
            }
            TestServer.sleep(25);
        }
        assertThat(delivery.get("status").asText()).isEqualTo("failed");
        assertThat(delivery.get("reason").asText())
                .isEqualTo("transcription failed: the transcription service answered HTTP 500");
    }

    @Test
    void badUploads_getValidationErrorsKeyedByField() {
        Map<String, String> noId = fields("x");
        noId.remove("externalId");
        noId.put("metadata", "[1, 2]");
        HttpResponse<String> missing = upload(server, noId, TestAudio.wav(0.2));
        HttpResponse<String> notAudio = upload(server, fields("not-audio"), "just text".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> noFile = upload(server, fields("no-file"), null);

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(missing).get("details").toString()).isEqualTo("{\"metadata\":\"must be a JSON object\"}");
        noId.remove("metadata");
        assertThat(TestServer.json(upload(server, noId, TestAudio.wav(0.2))).get("details").toString())
                .isEqualTo("{\"call.externalId\":\"is required\"}");
        assertThat(notAudio.body()).isEqualTo(
                "{\"error\":\"Validation failed\",\"details\":{\"file\":\"must be audio (WAV, MP3, OGG, M4A or WebM)\"}}");
        assertThat(noFile.body()).isEqualTo(
                "{\"error\":\"Validation failed\",\"details\":{\"file\":\"is required: the audio file\"}}");
    }

    @Test
    void anAudioFileLargerThanTheApisJsonBodyCap_isTaken() {
        byte[] wav = TestAudio.wav(150.0);
        assertThat(wav.length).isGreaterThan(2 * 1024 * 1024);

        HttpResponse<String> response = upload(server, fields("audio-long"), wav);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"received\":true}");
    }

    @Test
    void aFormFieldOverOneMebibyte_isTooLarge_notReadIntoMemory() {
        Map<String, String> huge = fields("huge-field");
        huge.put("systemPrompt", "x".repeat(1024 * 1024 + 1));

        HttpResponse<String> answer = upload(server, huge, TestAudio.wav(0.2));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).isEqualTo("{\"error\":\"Payload too large\"}");
    }

    @Test
    void withoutATranscriber_uploadsAreRefusedUpFront_sayingHowToConfigureOne() {
        try (TestServer plain = TestServer.start(Map.of("ZELTO_TRANSCRIBER", "none"))) {
            HttpResponse<String> response = upload(plain, fields("no-transcriber"), TestAudio.wav(0.5));

            assertThat(response.statusCode()).isEqualTo(400);
            JsonNode body = TestServer.json(response);
            assertThat(body.get("error").asText()).isEqualTo("Transcription unavailable");
            assertThat(body.get("details").get("transcriber").asText()).contains("ZELTO_TRANSCRIBER=openai")
                    .contains("pocketsphinx");
            assertThat(plain.getJson("/v1/conversations?externalId=no-transcriber").get("data")).isEmpty();
        }
    }
}
