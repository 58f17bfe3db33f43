package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recordings copied into Zelto's storage and played back, against a real source server on 127.0.0.1. */
class RecordingsIT {
    @TempDir
    static Path dataDir;

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("ZELTO_DATA_DIR", dataDir.toString(), "ZELTO_FETCH_ALLOWED_HOSTS", "127.0.0.1",
                "ZELTO_RECORDING_RETRY_BASE_MILLIS", "50", "ZELTO_RECORDING_MAX_ATTEMPTS", "3"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode conversationWithRecording(String externalId, String url) {
        JsonNode delivery = server.uploadAndProcess(CanonicalBodies.recordingOnly(externalId, "rec-agent", url));
        return server.getJson("/v1/conversations/" + delivery.get("conversationId").asText());
    }

    private static JsonNode awaitRecording(String conversationId, String status) {
        for (int i = 0; i < 400; i++) {
            JsonNode recording = server.getJson("/v1/conversations/" + conversationId).get("recording");
            if (recording.get("status").asText().equals(status)) {
                return recording;
            }
            TestServer.sleep(25);
        }
        throw new AssertionError("recording of " + conversationId + " never became " + status + ": "
                + server.getJson("/v1/conversations/" + conversationId).get("recording"));
    }

    private static HttpResponse<byte[]> play(String conversationId, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/v1/conversations/" + conversationId
                + "/recording")).header("Authorization", "Bearer " + TestServer.KEY).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return ResponseHygiene.check(java.net.http.HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofByteArray()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRecordingIsCopied_andKeepsPlayingWithRangesAfterTheSourceIsGone() {
        byte[] wav = TestAudio.wav(2.5);
        String conversationId;
        try (SourceServer source = new SourceServer().serve("/calls/1.wav", wav)) {
            JsonNode conversation = conversationWithRecording("rec-stored", source.url("/calls/1.wav"));
            conversationId = conversation.get("id").asText();
            JsonNode recording = awaitRecording(conversationId, "stored");
            assertThat(recording.get("sourceUrl").asText()).isEqualTo(source.url("/calls/1.wav"));
            assertThat(recording.get("contentType").asText()).isEqualTo("audio/wav");
            assertThat(recording.get("bytes").asLong()).isEqualTo(wav.length);
            assertThat(recording.get("durationSeconds").decimalValue()).isEqualByComparingTo("2.5");
        }

        HttpResponse<byte[]> whole = play(conversationId);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(wav);
        assertThat(whole.headers().firstValue("Content-Type")).hasValue("audio/wav");
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        String etag = whole.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> part = play(conversationId, "Range", "bytes=100-199");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + wav.length);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(wav, 100, 200));
        HttpResponse<byte[]> tail = play(conversationId, "Range", "bytes=-10");
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(wav, wav.length - 10, wav.length));
        assertThat(play(conversationId, "Range", "bytes=" + wav.length + "-").statusCode()).isEqualTo(416);
        assertThat(play(conversationId, "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void aBodyThatIsNotAudio_failsForGood_withItsReason() {
        try (SourceServer source = new SourceServer().serve("/page", "<html>not audio</html>".getBytes())) {
            String id = conversationWithRecording("rec-not-audio", source.url("/page")).get("id").asText();
            JsonNode recording = awaitRecording(id, "failed");
            assertThat(recording.get("reason").asText()).isEqualTo("the body is not audio (WAV, MP3, OGG, M4A or WebM)");
            assertThat(source.requests.get()).isEqualTo(1);
        }
    }

    @Test
    void aMissingSource_isRetriedWithBackoff_thenFails() {
        try (SourceServer source = new SourceServer()) {
            String id = conversationWithRecording("rec-missing", source.url("/not-yet.wav")).get("id").asText();
            JsonNode recording = awaitRecording(id, "failed");
            assertThat(recording.get("reason").asText()).isEqualTo("the source answered HTTP 404");
            assertThat(source.requests.get()).as("three attempts").isEqualTo(3);
        }
    }

    @Test
    void redirectsAreFollowedUpToThree_andNeverToInternalHosts() {
        byte[] wav = TestAudio.wav(0.5);
        try (SourceServer source = new SourceServer().serve("/final.wav", wav)) {
            source.redirect("/r1", source.url("/r2")).redirect("/r2", "/r3").redirect("/r3", "/final.wav")
                    .redirect("/too-many", "/r1")
                    .redirect("/to-internal", source.url("/final.wav").replace("127.0.0.1", "localhost"));
            String ok = conversationWithRecording("rec-3-redirects", source.url("/r1")).get("id").asText();
            String tooMany = conversationWithRecording("rec-4-redirects", source.url("/too-many")).get("id").asText();
            String internal = conversationWithRecording("rec-internal", source.url("/to-internal")).get("id").asText();

            assertThat(awaitRecording(ok, "stored").get("bytes").asLong()).isEqualTo(wav.length);
            assertThat(awaitRecording(tooMany, "failed").get("reason").asText()).isEqualTo("more than 3 redirects");
            assertThat(awaitRecording(internal, "failed").get("reason").asText())
                    .startsWith("the host localhost resolves to an internal address");
        }
    }

    @Test
    void withoutARecording_playbackIsAClearNotFound() {
        JsonNode delivery = server.uploadAndProcess(CanonicalBodies.withTranscript("rec-none", "rec-agent"));
        String id = delivery.get("conversationId").asText();

        HttpResponse<byte[]> response = play(id);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new String(response.body())).startsWith("{\"error\":\"Not found\"");
        assertThat(server.getJson("/v1/conversations/" + id).get("recording").isNull()).isTrue();
    }
}
