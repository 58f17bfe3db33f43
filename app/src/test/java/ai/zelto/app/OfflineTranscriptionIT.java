package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline engine end to end: espeak-ng speaks a sentence into a WAV, the WAV is uploaded to
 * {@code POST /v1/conversations/audio}, PocketSphinx transcribes it, and the transcript holds words of the
 * sentence. {@code .ci/run} installs espeak-ng, pocketsphinx, pocketsphinx-en-us and sox; on CI their absence
 * fails the test, elsewhere it is skipped with the reason.
 */
class OfflineTranscriptionIT {
    private static final String SENTENCE = "hello world this is a test of the recording system";

    @TempDir
    Path work;

    @Test
    void spokenAudio_becomesAConversationWhoseTranscriptHoldsWordsOfTheSentence() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("espeak-ng", "pocketsphinx_continuous", "sox")) {
            if (!onPath(tool)) {
                missing.add(tool);
            }
        }
        if (System.getenv("CI") != null) {
            assertThat(missing).as("tools .ci/run installs").isEmpty();
        }
        Assumptions.assumeTrue(missing.isEmpty(), "not installed: " + missing);
        Path wav = work.resolve("sentence.wav");
        Process espeak = new ProcessBuilder("espeak-ng", "-s", "130", "-w", wav.toString(), SENTENCE)
                .redirectErrorStream(true).start();
        assertThat(espeak.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(espeak.exitValue()).isZero();

        try (TestServer server = TestServer.start(Map.of("ZELTO_DATA_DIR", work.resolve("data").toString(),
                "ZELTO_TRANSCRIBER", "pocketsphinx"))) {
            HttpResponse<String> response = AudioUploadIT.upload(server, AudioUploadIT.fields("spoken-1"),
                    Files.readAllBytes(wav));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode delivery = server.awaitProcessed(response.headers().firstValue("X-Zelto-Delivery-Id").orElseThrow());
            JsonNode conversation = AudioUploadIT.awaitTranscript(server, delivery.get("conversationId").asText());

            StringBuilder heard = new StringBuilder();
            conversation.get("transcript").get("turns").forEach(turn -> heard.append(turn.get("text").asText()).append(' '));
            List<String> words = List.of(heard.toString().toLowerCase(Locale.ROOT).split("\\s+"));
            assertThat(words).as("heard: " + heard).containsAnyOf("hello", "world", "test", "recording", "system");
            assertThat(conversation.get("transcript").get("turns").get(0).get("startSeconds").isNumber()).isTrue();
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
