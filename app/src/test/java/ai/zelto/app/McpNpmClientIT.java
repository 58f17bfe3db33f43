package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.adapters.persistence.TestDatabase;
import ai.zelto.application.port.in.organization.CreateOrganizationCommand;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MCP round trip with a client no one here wrote: npm {@code @modelcontextprotocol/sdk}'s Streamable HTTP
 * client, run with Node ({@code src/test/node/mcp-round-trip.mjs}) against the shipped jar. {@code .ci/run}
 * installs the package and names its directory in {@code ZELTO_NPM_DIR}; without it this test is skipped, except
 * under CI, where it fails.
 */
class McpNpmClientIT {
    private static final String SCRIPT = "mcp-round-trip.mjs";
    private static Path npm;
    private static TestDatabase database;
    private static ZeltoProcess zelto;
    private static int port;
    private static String otherKey;
    private static String revokedKey;

    @BeforeAll
    static void start() throws Exception {
        String dir = System.getenv("ZELTO_NPM_DIR");
        if (dir == null || !Files.isDirectory(Path.of(dir, "node_modules", "@modelcontextprotocol", "sdk"))) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("CI must run the npm MCP client: .ci/run installs"
                        + " @modelcontextprotocol/sdk and sets ZELTO_NPM_DIR");
            }
            Assumptions.abort("npm @modelcontextprotocol/sdk not installed; .ci/run installs it (ZELTO_NPM_DIR)");
        }
        npm = Path.of(dir);
        database = TestDatabase.create();
        Path dataDir = Files.createTempDirectory("zelto-mcp-npm");
        Map<String, String> env = ZeltoProcess.environmentFor(database, dataDir);
        port = Integer.parseInt(env.get("ZELTO_PORT"));
        zelto = ZeltoProcess.start(dataDir, "zelto.log", env);
        zelto.awaitStarted(port);
        try (JdbiHarness harness = new JdbiHarness(database)) {
            otherKey = harness.core().access.organizations.create(new CreateOrganizationCommand("Other", null,
                    "test")).firstKey().secret().value();
        }
        Instant now = Instant.now();
        upload("refund-a", "v4", now.minus(1, ChronoUnit.DAYS), turns("Hello.", "I want a refund, please."));
        upload("refund-b", "v3", now.minus(2, ChronoUnit.DAYS), turns("We can refund that."));
        upload("refund-old", "v3", now.minus(30, ChronoUnit.DAYS), turns("A refund, long ago."));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            many.append(i == 0 ? "" : ",").append("{\"role\": \"").append(i % 2 == 0 ? "user" : "assistant")
                    .append("\", \"text\": \"").append(i == 0 ? "a marathon of a call" : "turn " + i).append("\"}");
        }
        upload("long-call", "v4", now.minus(3, ChronoUnit.HOURS), many.toString());
        assertThat(ZeltoProcess.post(port, TestServer.KEY, "{\"call\": {\"externalId\": \"lost\", \"recordingUrl\":"
                + " \"https://r/b.wav\"}, \"agentId\": \"3c90c3cc-0d44-4b50-8888-8dd25736052a\"}").statusCode())
                .isEqualTo(200);
        awaitConversations(4);
        HttpClient http = HttpClient.newHttpClient();
        JsonNode key = TestServer.JSON.readTree(http.send(HttpRequest.newBuilder(uri("/v1/keys"))
                .header("Authorization", "Bearer " + TestServer.KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"soon revoked\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        revokedKey = key.get("key").asText();
        assertThat(http.send(HttpRequest.newBuilder(uri("/v1/keys/" + key.get("id").asText()))
                .header("Authorization", "Bearer " + TestServer.KEY).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isIn(200, 204);
    }

    @AfterAll
    static void stop() throws Exception {
        if (zelto != null) {
            zelto.close();
            database.close();
        }
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String turns(String... said) {
        StringBuilder turns = new StringBuilder();
        for (int i = 0; i < said.length; i++) {
            turns.append(i == 0 ? "" : ",").append("{\"role\": \"").append(i % 2 == 0 ? "assistant" : "user")
                    .append("\", \"text\": \"").append(said[i]).append("\"}");
        }
        return turns.toString();
    }

    private static void upload(String externalId, String version, Instant startedAt, String turns) throws Exception {
        HttpResponse<String> response = ZeltoProcess.post(port, TestServer.KEY, "{\"call\": {\"externalId\": \""
                + externalId + "\", \"startedAt\": \"" + startedAt + "\"}, \"version\": \"" + version + "\","
                + " \"agent\": {\"externalId\": \"support\", \"name\": \"Support\"},"
                + " \"transcript\": {\"turns\": [" + turns + "]}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static void awaitConversations(int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (TestServer.JSON.readTree(ZeltoProcess.get(port, TestServer.KEY, "/v1/conversations").body())
                .get("data").size() < count) {
            assertThat(System.nanoTime()).as("processed in time").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void theNpmSdksClient_initializesListsCallsEveryToolPagesAndIsRefusedWhereItShouldBe() throws Exception {
        Path script = npm.resolve(SCRIPT);
        Files.copy(Path.of("src", "test", "node", SCRIPT), script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder node = new ProcessBuilder("node", script.toString()).redirectErrorStream(true);
        node.environment().putAll(Map.of("MCP_URL", "http://localhost:" + port + "/mcp", "KEY", TestServer.KEY,
                "OTHER_KEY", otherKey, "REVOKED_KEY", revokedKey));
        Process process = node.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        JsonNode summary = TestServer.JSON.readTree(output.substring(output.lastIndexOf('\n') + 1));

        assertThat(summary.get("server").get("name").asText()).isEqualTo("zelto");
        assertThat(summary.get("tools")).extracting(JsonNode::asText).containsExactly("list_agents", "get_agent",
                "compare_versions", "search_conversations", "get_conversation", "list_deliveries", "get_credits");
        assertThat(summary.get("readOnly").asBoolean()).isTrue();
        assertThat(summary.get("agents").asInt()).isEqualTo(1);
        assertThat(summary.get("versions")).extracting(JsonNode::asText).containsExactly("v4", "v3");
        assertThat(summary.get("compared").toString()).isEqualTo("[[\"v3\",2],[\"v4\",2]]");
        JsonNode refunds = summary.get("refundLastWeek");
        assertThat(refunds).hasSize(2);
        assertThat(refunds.get(0).get(0).asText()).isEqualTo("v4");
        assertThat(refunds.get(0).get(1).asInt()).isEqualTo(1);
        assertThat(refunds.get(0).get(2).asText()).startsWith("http://localhost:" + port + "/conversations/")
                .endsWith("#turn-1");
        assertThat(refunds.get(1).get(0).asText()).isEqualTo("v3");
        assertThat(summary.get("allConversations").asInt()).isEqualTo(4);
        JsonNode transcript = summary.get("transcript");
        assertThat(transcript.get("pages").asInt()).isEqualTo(3);
        assertThat(transcript.get("turns").asInt()).isEqualTo(500);
        assertThat(transcript.get("first").asInt()).isZero();
        assertThat(transcript.get("last").asInt()).isEqualTo(499);
        assertThat(summary.get("failedDeliveries")).hasSize(1);
        assertThat(summary.get("failedDeliveries").get(0).asText()).contains("is not an agent of this organization");
        assertThat(summary.get("credits").isNumber()).isTrue();
        assertThat(summary.get("badArgument").asText()).contains("limit");
        assertThat(summary.get("otherOrganization").get("conversation").asText()).contains("no conversation");
        assertThat(summary.get("otherOrganization").get("agents").asInt()).isZero();
        assertThat(summary.get("revoked").get("status").asInt()).as(summary.get("revoked").toString()).isEqualTo(401);
        assertThat(summary.get("revoked").get("message").asText()).contains("Unauthorized");
    }
}
