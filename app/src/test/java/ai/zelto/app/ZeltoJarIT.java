package ai.zelto.app;

import static ai.zelto.app.ZeltoProcess.freePort;
import static ai.zelto.app.ZeltoProcess.get;
import static ai.zelto.app.ZeltoProcess.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar as a user runs it: {@code java -jar app/target/zelto.jar} with no configuration, on its
 * embedded PostgreSQL in a data directory; the CLI beside the running server; a restart that keeps everything.
 */
class ZeltoJarIT {
    private static final Pattern KEY_LINE = Pattern.compile("Zelto API key \\(shown only this once.*\\): (zk_[A-Za-z0-9_-]+)");

    @TempDir
    Path work;

    @Test
    void theJar_runsOnItsEmbeddedDatabase_servesTheCurlExample_andKeepsEverythingAcrossARestart() throws Exception {
        int port = freePort();
        Map<String, String> env = Map.of("ZELTO_PORT", String.valueOf(port), "ZELTO_ADMIN_PORT",
                String.valueOf(freePort()), "ZELTO_DATA_DIR", work.resolve("data").toString());

        String key;
        String conversationId;
        try (ZeltoProcess server = ZeltoProcess.start(work, "server.log", env)) {
            String log = server.awaitStarted(port);
            Matcher matcher = KEY_LINE.matcher(log);
            assertThat(matcher.find()).as(log).isTrue();
            key = matcher.group(1);

            HttpResponse<String> posted = post(port, key, CanonicalBodies.withTranscript("jar-call-1", "jar-agent"));
            assertThat(posted.statusCode()).isEqualTo(200);
            assertThat(posted.body()).isEqualTo("{\"received\":true}");
            JsonNode conversation = awaitListed(port, key, "jar-call-1", Duration.ofSeconds(2));
            assertThat(conversation.get("transcript").get("turns")).hasSize(3);
            conversationId = conversation.get("id").asText();

            assertThat(post(port, key, CanonicalBodies.recordingOnly("jar-call-1", "jar-agent",
                    "https://cdn.example.com/jar.wav")).statusCode()).isEqualTo(200);
            awaitRecording(port, key, "jar-call-1");

            String cli = cli(env, "keys", "create", "--name", "ci-uploader");
            Matcher cliKey = KEY_LINE.matcher(cli);
            assertThat(cliKey.find()).as(cli).isTrue();
            assertThat(get(port, cliKey.group(1), "/v1/credits").statusCode()).isEqualTo(200);

            String org = cli(env, "orgs", "create", "--name", "Second team");
            Matcher orgKey = KEY_LINE.matcher(org);
            assertThat(orgKey.find()).as(org).isTrue();
            assertThat(get(port, orgKey.group(1), "/v1/conversations/" + conversationId).statusCode()).isEqualTo(404);
        }

        try (ZeltoProcess restarted = ZeltoProcess.start(work, "restart.log", env)) {
            String log = restarted.awaitStarted(port);
            assertThat(KEY_LINE.matcher(log).find()).as("no second bootstrap").isFalse();
            JsonNode page = json(get(port, key, "/v1/conversations"));
            assertThat(page.get("data")).hasSize(1);
            JsonNode conversation = page.get("data").get(0);
            assertThat(conversation.get("id").asText()).isEqualTo(conversationId);
            assertThat(conversation.get("recordingUrl").asText()).isEqualTo("https://cdn.example.com/jar.wav");
            assertThat(conversation.get("transcript").get("turns")).hasSize(3);
            assertThat(json(get(port, key, "/v1/credits")).get("charged").asLong()).isEqualTo(2);
        }
    }

    @Test
    void theShadedJar_keepsEveryProviderServiceEntry() throws IOException {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(ZeltoProcess.JAR.toFile())) {
            var entry = jar.getEntry("META-INF/services/ai.zelto.application.spi.provider.ProviderPlugin");
            assertThat(entry).isNotNull();
            String services = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(services.lines().map(String::strip).filter(line -> !line.isEmpty())).containsExactlyInAnyOrder(
                    "ai.zelto.adapters.providers.zelto.ZeltoProviderPlugin",
                    "ai.zelto.adapters.providers.livekit.LiveKitProviderPlugin",
                    "ai.zelto.adapters.providers.vapi.VapiProviderPlugin",
                    "ai.zelto.adapters.providers.retell.RetellProviderPlugin");
        }
    }

    @Test
    void aSecondServerOnTheSameDataDirectory_refusesToStart() throws Exception {
        int port = freePort();
        Map<String, String> env = Map.of("ZELTO_PORT", String.valueOf(port), "ZELTO_ADMIN_PORT",
                String.valueOf(freePort()), "ZELTO_DATA_DIR", work.resolve("shared").toString());
        try (ZeltoProcess first = ZeltoProcess.start(work, "first.log", env)) {
            first.awaitStarted(port);
            Map<String, String> second = Map.of("ZELTO_PORT", String.valueOf(freePort()), "ZELTO_ADMIN_PORT",
                    String.valueOf(freePort()), "ZELTO_DATA_DIR", work.resolve("shared").toString());
            try (ZeltoProcess other = ZeltoProcess.start(work, "second.log", second)) {
                assertThat(other.awaitExit()).isNotZero();
                assertThat(other.output()).contains("another Zelto server is using the data directory");
            }
        }
    }

    private String cli(Map<String, String> env, String... args) throws Exception {
        try (ZeltoProcess cli = ZeltoProcess.start(work, "cli-" + System.nanoTime() + ".log", env, args)) {
            assertThat(cli.awaitExit()).as(cli::output).isZero();
            return cli.output();
        }
    }

    private JsonNode awaitListed(int port, String key, String externalId, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            JsonNode data = json(get(port, key, "/v1/conversations?externalId=" + externalId)).get("data");
            if (!data.isEmpty()) {
                return data.get(0);
            }
            assertThat(System.nanoTime()).as("listed within " + within).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private void awaitRecording(int port, String key, String externalId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (json(get(port, key, "/v1/conversations?externalId=" + externalId)).get("data").get(0)
                .get("recordingUrl").isNull()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestServer.json(response);
    }
}
