package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.adapters.livekit.FakeLiveKitServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The participant token of {@code POST /v1/voice/sessions}, checked by LiveKit's own verifier: npm
 * {@code livekit-server-sdk}'s {@code TokenVerifier}, run with Node. {@code .ci/run} installs the package and
 * names its directory in {@code ZELTO_NPM_DIR}; without it this test is skipped, except under CI, where it fails.
 */
class LiveKitSdkTokenIT {
    private static final String VERIFY = """
            const { TokenVerifier } = require(process.env.SDK);
            new TokenVerifier(process.env.KEY, process.env.SECRET).verify(process.env.TOKEN)
              .then((claims) => console.log(JSON.stringify(claims)))
              .catch((error) => { console.log(JSON.stringify({ error: String(error.code || error.message) })); });
            """;
    private static FakeLiveKitServer liveKit;
    private static TestServer server;
    private static Path sdk;

    @BeforeAll
    static void start() throws Exception {
        String npm = System.getenv("ZELTO_NPM_DIR");
        Path found = npm == null ? null : Path.of(npm, "node_modules", "livekit-server-sdk");
        if (found == null || !Files.isDirectory(found)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("CI must run LiveKit's own token verifier: .ci/run installs npm"
                        + " livekit-server-sdk and sets ZELTO_NPM_DIR");
            }
            Assumptions.abort("npm livekit-server-sdk not installed; .ci/run installs it (ZELTO_NPM_DIR)");
        }
        sdk = found;
        liveKit = new FakeLiveKitServer();
        server = TestServer.start(Map.of("ZELTO_LIVEKIT_URL", liveKit.wsUrl(),
                "ZELTO_LIVEKIT_API_KEY", FakeLiveKitServer.API_KEY,
                "ZELTO_LIVEKIT_API_SECRET", FakeLiveKitServer.API_SECRET));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            liveKit.close();
        }
    }

    private static JsonNode verify(String token, String secret) throws IOException, InterruptedException {
        Path script = Files.createTempFile("verify-token", ".cjs");
        Files.writeString(script, VERIFY);
        ProcessBuilder node = new ProcessBuilder("node", script.toString()).redirectErrorStream(true);
        node.environment().putAll(Map.of("SDK", sdk.toString(), "KEY", FakeLiveKitServer.API_KEY, "SECRET", secret,
                "TOKEN", token));
        Process process = node.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("node finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        Files.delete(script);
        return TestServer.JSON.readTree(output.substring(output.lastIndexOf('\n') + 1));
    }

    @Test
    void livekitsOwnVerifierAcceptsTheToken_withItsIdentityRoomGrantsAndExpiry() throws Exception {
        String agent = TestServer.json(server.post("/v1/agents", TestServer.KEY, "{\"name\": \"Voice\","
                + " \"architecture\": \"pipeline\", \"livekitAgentName\": \"voice-worker\"}")).get("id").asText();
        JsonNode started = TestServer.json(server.post("/v1/voice/sessions", TestServer.KEY,
                "{\"agent_id\": \"" + agent + "\"}"));
        String room = started.get("room_name").asText();
        String userId = room.substring(("agent_" + agent + "_").length(), room.lastIndexOf('_'));

        JsonNode claims = verify(started.get("token").asText(), FakeLiveKitServer.API_SECRET);

        assertThat(claims.has("error")).as(claims.toString()).isFalse();
        assertThat(claims.get("sub").asText()).isEqualTo(userId);
        assertThat(claims.get("iss").asText()).isEqualTo(FakeLiveKitServer.API_KEY);
        JsonNode video = claims.get("video");
        assertThat(video.get("room").asText()).isEqualTo(room);
        assertThat(video.get("roomJoin").asBoolean()).isTrue();
        assertThat(video.get("canPublish").asBoolean()).isTrue();
        assertThat(video.get("canSubscribe").asBoolean()).isTrue();
        assertThat(video.get("canPublishData").asBoolean()).isTrue();
        assertThat(video.has("roomCreate") || video.has("roomAdmin")).as("no admin grant").isFalse();
        long expires = claims.get("exp").asLong();
        long inAnHour = Instant.now().plusSeconds(3600).getEpochSecond();
        assertThat(expires).isBetween(inAnHour - 60, inAnHour + 60);

        JsonNode refused = verify(started.get("token").asText(), "not-the-secret-of-this-key-at-all");
        assertThat(refused.get("error").asText()).as("LiveKit's verifier refuses it under another secret")
                .isEqualTo("ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
    }
}
