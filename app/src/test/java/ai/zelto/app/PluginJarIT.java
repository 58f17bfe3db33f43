package ai.zelto.app;

import static ai.zelto.app.ZeltoProcess.freePort;
import static ai.zelto.app.ZeltoProcess.get;
import static ai.zelto.app.ZeltoProcess.post;
import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.adapters.persistence.TestDatabase;
import ai.zelto.application.spi.provider.ProviderPlugin;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Third-party plugins as an operator installs them: compiled outside Zelto's modules against the SPI alone
 * (sources in {@code src/test/plugins}), packaged as their own jar, dropped into the plugins directory of the
 * real jar.
 */
class PluginJarIT {
    @TempDir
    Path work;

    private TestDatabase database;

    @BeforeEach
    void setUp() {
        database = TestDatabase.create();
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void aPluginJarInThePluginsDirectory_addsAWorkingProvider() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        buildPluginJar("acme", plugins.resolve("acme-provider-1.0.jar"));
        int port = freePort();
        try (ZeltoProcess server = ZeltoProcess.start(work, "server.log", environment(port, plugins))) {
            server.awaitStarted(port);

            HttpResponse<String> call = post(port, TestServer.KEY,
                    "{\"acmeId\": \"acme-77\", \"bot\": \"acme-bot\", \"said\": \"Hello from Acme\", \"event\": \"finished\"}",
                    "X-Zelto-Provider", "acme");
            HttpResponse<String> progress = post(port, TestServer.KEY, "{\"acmeId\": \"acme-77\", \"event\": \"ringing\"}",
                    "X-Zelto-Provider", "ACME");
            HttpResponse<String> invalid = post(port, TestServer.KEY, "{\"event\": \"finished\"}",
                    "X-Zelto-Provider", "acme");

            assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
            assertThat(progress.statusCode()).isEqualTo(200);
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(invalid.body()).isEqualTo("{\"error\":\"Validation failed\",\"details\":{\"acmeId\":\"is required\"}}");
            JsonNode conversation = awaitConversation(port, "acme-77");
            assertThat(conversation.get("provider").asText()).isEqualTo("acme");
            assertThat(conversation.get("agent").get("name").asText()).isEqualTo("Acme acme-bot");
            assertThat(conversation.get("transcript").get("turns").get(0).get("text").asText()).isEqualTo("Hello from Acme");
            String dropped = progress.headers().firstValue("X-Zelto-Delivery-Id").orElseThrow();
            assertThat(ZeltoJarIT.json(get(port, TestServer.KEY, "/v1/deliveries/" + dropped)).get("status").asText())
                    .isEqualTo("dropped");
            assertThat(ZeltoJarIT.json(get(port, TestServer.KEY, "/v1/integrations")).get("data").toString())
                    .contains("\"provider\":\"acme\",\"active\":true");
        }
    }

    @Test
    void aPluginClaimingABuiltInId_failsStartUp_namingBothJars() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        buildPluginJar("duplicate", plugins.resolve("impostor-vapi.jar"));
        int port = freePort();
        try (ZeltoProcess server = ZeltoProcess.start(work, "server.log", environment(port, plugins))) {
            assertThat(server.awaitExit()).isNotZero();
            assertThat(server.output()).contains("two provider plugins have the id 'vapi'")
                    .contains("zelto.jar").contains("impostor-vapi.jar");
        }
    }

    @Test
    void secretsNeverReachTheLog_neitherHookTokensNorApiKeys() throws Exception {
        int port = freePort();
        try (ZeltoProcess server = ZeltoProcess.start(work, "server.log", environment(port,
                Files.createDirectories(work.resolve("no-plugins"))))) {
            server.awaitStarted(port);
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String hook = TestServer.JSON.readTree(http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + "/v1/integrations/vapi/hook"))
                    .header("Authorization", "Bearer " + TestServer.KEY).POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString()).body()).get("url").asText();
            String token = hook.substring(hook.lastIndexOf('/') + 1);
            HttpResponse<String> posted = ResponseHygiene.check(http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + hook)).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"message\": {\"type\": \"status-update\"}}"))
                    .build(), HttpResponse.BodyHandlers.ofString()));
            assertThat(posted.statusCode()).isEqualTo(200);
            Thread.sleep(500);

            assertThat(server.output()).contains("\"POST /webhooks/vapi/zh_***\" 200")
                    .doesNotContain(token).doesNotContain(TestServer.KEY);
        }
    }

    private Map<String, String> environment(int port, Path plugins) throws IOException {
        Map<String, String> env = ZeltoProcess.environmentFor(database, work.resolve("data"));
        env.put("ZELTO_PORT", String.valueOf(port));
        env.put("ZELTO_PLUGIN_DIR", plugins.toString());
        return env;
    }

    private JsonNode awaitConversation(int port, String externalId) throws Exception {
        for (int i = 0; i < 200; i++) {
            JsonNode data = ZeltoJarIT.json(get(port, TestServer.KEY, "/v1/conversations?externalId=" + externalId))
                    .get("data");
            if (!data.isEmpty()) {
                return data.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no conversation " + externalId);
    }

    /** Compiles {@code src/test/plugins/<name>} against the SPI only and packages it with its services file. */
    private void buildPluginJar(String name, Path jar) throws Exception {
        Path sources = Path.of("src", "test", "plugins", name).toAbsolutePath();
        Path classes = Files.createDirectories(work.resolve("classes-" + name));
        Path spi = Path.of(ProviderPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
        }
        List<String> args = new java.util.ArrayList<>(List.of("--release", "17", "-d", classes.toString(), "-cp",
                spi.toString()));
        args.addAll(files);
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)))
                .as("the plugin compiles against the SPI alone").isZero();
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out);
             Stream<Path> compiled = Files.walk(classes)) {
            for (Path file : compiled.filter(Files::isRegularFile).toList()) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jarOut.write(Files.readAllBytes(file));
                jarOut.closeEntry();
            }
            jarOut.putNextEntry(new JarEntry("META-INF/services/" + ProviderPlugin.class.getName()));
            jarOut.write(Files.readAllBytes(sources.resolve("services")));
            jarOut.closeEntry();
        }
        assertThat(new String(Files.readAllBytes(sources.resolve("services")), StandardCharsets.UTF_8)).isNotBlank();
    }
}
