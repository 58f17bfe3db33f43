package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar as a user runs it: {@code java -jar app/target/zelto.jar} with no configuration, on its
 * embedded PostgreSQL in a data directory; the CLI beside the running server; a restart that keeps everything.
 */
class ZeltoJarIT {
    private static final Path JAR = Path.of("target", "zelto.jar").toAbsolutePath();
    private static final Pattern KEY_LINE = Pattern.compile("Zelto API key \\(shown only this once.*\\): (zk_[A-Za-z0-9_-]+)");

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theJar_runsOnItsEmbeddedDatabase_servesTheCurlExample_andKeepsEverythingAcrossARestart() throws Exception {
        int port = freePort();
        int adminPort = freePort();
        Map<String, String> env = Map.of("ZELTO_PORT", String.valueOf(port), "ZELTO_ADMIN_PORT",
                String.valueOf(adminPort), "ZELTO_DATA_DIR", work.resolve("data").toString());

        String key;
        String conversationId;
        Process server = start(env, "server.log");
        try {
            String log = awaitStarted(server, "server.log", port);
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

            CliResult cli = cli(env, "keys", "create", "--name", "ci-uploader");
            assertThat(cli.exitCode).as(cli.output).isZero();
            Matcher cliKey = KEY_LINE.matcher(cli.output);
            assertThat(cliKey.find()).as(cli.output).isTrue();
            assertThat(get(port, cliKey.group(1), "/v1/credits").statusCode()).isEqualTo(200);

            CliResult org = cli(env, "orgs", "create", "--name", "Second team");
            assertThat(org.exitCode).as(org.output).isZero();
            Matcher orgKey = KEY_LINE.matcher(org.output);
            assertThat(orgKey.find()).as(org.output).isTrue();
            assertThat(get(port, orgKey.group(1), "/v1/conversations/" + conversationId).statusCode()).isEqualTo(404);
        } finally {
            stop(server);
        }

        Process restarted = start(env, "restart.log");
        try {
            String log = awaitStarted(restarted, "restart.log", port);
            assertThat(KEY_LINE.matcher(log).find()).as("no second bootstrap").isFalse();
            JsonNode page = json(get(port, key, "/v1/conversations"));
            assertThat(page.get("data")).hasSize(1);
            JsonNode conversation = page.get("data").get(0);
            assertThat(conversation.get("id").asText()).isEqualTo(conversationId);
            assertThat(conversation.get("recordingUrl").asText()).isEqualTo("https://cdn.example.com/jar.wav");
            assertThat(conversation.get("transcript").get("turns")).hasSize(3);
            assertThat(json(get(port, key, "/v1/credits")).get("charged").asLong()).isEqualTo(2);
        } finally {
            stop(restarted);
        }
    }

    @Test
    void theShadedJar_keepsEveryProviderServiceEntry() throws IOException {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(JAR.toFile())) {
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
        Process first = start(env, "first.log");
        try {
            awaitStarted(first, "first.log", port);
            Map<String, String> second = Map.of("ZELTO_PORT", String.valueOf(freePort()), "ZELTO_ADMIN_PORT",
                    String.valueOf(freePort()), "ZELTO_DATA_DIR", work.resolve("shared").toString());
            Process other = start(second, "second.log");
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(other.exitValue()).isNotZero();
            assertThat(Files.readString(work.resolve("second.log"))).contains("another Zelto server is using the data directory");
        } finally {
            stop(first);
        }
    }

    private Process start(Map<String, String> env, String logName, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve(logName).toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ZELTO_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    private record CliResult(int exitCode, String output) {
    }

    private CliResult cli(Map<String, String> env, String... args) throws Exception {
        String log = "cli-" + System.nanoTime() + ".log";
        Process process = start(env, log, args);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new CliResult(process.exitValue(), Files.readString(work.resolve(log)));
    }

    private String awaitStarted(Process process, String logName, int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as(() -> read(logName)).isTrue();
            try {
                get(port, "zk_" + "0".repeat(43), "/v1/credits");
                return read(logName);
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the server did not start: " + read(logName));
    }

    private String read(String logName) {
        try {
            return Files.readString(work.resolve(logName), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
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

    private HttpResponse<String> post(int port, String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/calls"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String key, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestServer.json(response);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
