package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zelto.application.port.in.organization.CreateOrganizationCommand;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MCP server at {@code /mcp} with the SDK's own Java client (Streamable HTTP): initialize, list the tools,
 * call them; the same keys as the API (a missing, unknown or revoked key refused), organizations kept apart,
 * bad arguments answered as tool errors, browsers from other origins refused.
 */
class McpServerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;
    private static String keyB;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        try (JdbiHarness harness = new JdbiHarness(server.database)) {
            keyB = harness.core().access.organizations.create(new CreateOrganizationCommand("B", null, "test"))
                    .firstKey().secret().value();
        }
        for (int i = 0; i < 3; i++) {
            server.uploadAndProcess("{\"call\": {\"externalId\": \"mcp-call-" + i + "\", \"durationSeconds\": 30},"
                    + " \"agent\": {\"externalId\": \"mcp-agent-" + i + "\", \"name\": \"Agent " + i + "\"},"
                    + " \"transcript\": {\"turns\": [{\"role\": \"user\", \"text\": \"hello\"}]}}");
        }
        for (String version : new String[] {"v1", "v1", "v2"}) {
            server.uploadAndProcess("{\"call\": {\"externalId\": \"mcp-versioned-" + System.nanoTime() + "\","
                    + " \"durationSeconds\": " + (version.equals("v1") ? 60 : 20) + ", \"endedReason\": \""
                    + (version.equals("v1") ? "customer-ended" : "error") + "\"}, \"version\": \"" + version + "\","
                    + " \"agent\": {\"externalId\": \"mcp-agent-0\"},"
                    + " \"transcript\": {\"turns\": [{\"role\": \"user\", \"text\": \"hi\"}]}}");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static McpSyncClient client(String key) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder(server.uri("").toString())
                .endpoint("/mcp")
                .jsonMapper(new JacksonMcpJsonMapper(JSON))
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + key))
                .build();
        return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20))
                .clientInfo(new McpSchema.Implementation("zelto-tests", "1")).build();
    }

    private static JsonNode structured(McpSchema.CallToolResult result) {
        assertThat(result.isError()).as(String.valueOf(result.content())).isFalse();
        JsonNode node = JSON.valueToTree(result.structuredContent());
        String text = ((McpSchema.TextContent) result.content().get(0)).text();
        try {
            assertThat(JSON.readTree(text)).as("the text is the same JSON").isEqualTo(node);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return node;
    }

    @Test
    void theSdksClient_initializes_listsReadOnlyTools_andCallsThem() {
        try (McpSyncClient client = client(TestServer.KEY)) {
            McpSchema.InitializeResult init = client.initialize();
            assertThat(init.serverInfo().name()).isEqualTo("zelto");
            assertThat(init.capabilities().tools()).isNotNull();
            List<McpSchema.Tool> tools = client.listTools().tools();
            assertThat(tools).extracting(McpSchema.Tool::name).containsExactly("list_agents", "get_agent",
                    "compare_versions", "get_credits");
            for (McpSchema.Tool tool : tools) {
                assertThat(tool.annotations().readOnlyHint()).isTrue();
                assertThat(tool.title()).isNotBlank();
                assertThat(tool.outputSchema()).isNotEmpty();
            }

            JsonNode page = structured(client.callTool(new McpSchema.CallToolRequest("list_agents",
                    Map.of("limit", 2))));
            assertThat(page.get("total").asInt()).isEqualTo(3);
            assertThat(page.get("agents")).hasSize(2);
            assertThat(page.get("hasMore").asBoolean()).isTrue();
            assertThat(page.get("agents").get(0).get("url").asText()).startsWith("http://localhost:")
                    .contains("/agents/");
            JsonNode rest = structured(client.callTool(new McpSchema.CallToolRequest("list_agents",
                    Map.of("limit", 2, "cursor", page.get("nextCursor").asText()))));
            assertThat(rest.get("agents")).hasSize(1);
            assertThat(rest.get("hasMore").asBoolean()).isFalse();
            assertThat(rest.get("nextCursor").isNull()).isTrue();

            String agentId = null;
            for (JsonNode agent : structured(client.callTool(new McpSchema.CallToolRequest("list_agents", Map.of())))
                    .get("agents")) {
                if (agent.get("name").asText().equals("Agent 0")) {
                    agentId = agent.get("id").asText();
                }
            }
            JsonNode agent = structured(client.callTool(new McpSchema.CallToolRequest("get_agent",
                    Map.of("agentId", agentId))));
            assertThat(agent.get("agent").get("name").asText()).isEqualTo("Agent 0");
            assertThat(agent.get("versions").findValuesAsText("version")).contains("v1", "v2");
            JsonNode compared = structured(client.callTool(new McpSchema.CallToolRequest("compare_versions",
                    Map.of("agentId", agentId, "versions", List.of("v1", "v2")))));
            JsonNode v1 = compared.get("versions").get(0);
            JsonNode v2 = compared.get("versions").get(1);
            assertThat(v1.get("version").asText()).isEqualTo("v1");
            assertThat(v1.get("calls").asInt()).isEqualTo(2);
            assertThat(v1.get("avgDurationSeconds").asDouble()).isEqualTo(60.0);
            assertThat(v1.get("endedReasons").get("customer-ended").asInt()).isEqualTo(2);
            assertThat(v2.get("calls").asInt()).isEqualTo(1);
            assertThat(v2.get("url").asText()).contains("/conversations?agent=" + agentId + "&version=v2");
            McpSchema.CallToolResult unknownVersion = client.callTool(new McpSchema.CallToolRequest(
                    "compare_versions", Map.of("agentId", agentId, "versions", List.of("v1", "v9"))));
            assertThat(unknownVersion.isError()).isTrue();
            assertThat(((McpSchema.TextContent) unknownVersion.content().get(0)).text()).contains("v9", "v2");

            JsonNode credits = structured(client.callTool(new McpSchema.CallToolRequest("get_credits", Map.of())));
            assertThat(credits.get("balance").asLong()).isEqualTo(server.getJson("/v1/credits").get("balance")
                    .asLong());
        }
    }

    @Test
    void badArguments_areToolErrorsWithAHint_notProtocolErrors() {
        try (McpSyncClient client = client(TestServer.KEY)) {
            client.initialize();
            McpSchema.CallToolResult tooMany = client.callTool(new McpSchema.CallToolRequest("list_agents",
                    Map.of("limit", 1000)));
            assertThat(tooMany.isError()).isTrue();
            assertThat(((McpSchema.TextContent) tooMany.content().get(0)).text()).contains("limit").contains("100");
            McpSchema.CallToolResult badCursor = client.callTool(new McpSchema.CallToolRequest("list_agents",
                    Map.of("cursor", "nonsense")));
            assertThat(badCursor.isError()).isTrue();
            assertThat(((McpSchema.TextContent) badCursor.content().get(0)).text()).contains("nextCursor");
            Map<String, Object> unknown = new HashMap<>();
            unknown.put("agentName", "x");
            McpSchema.CallToolResult misspelt = client.callTool(new McpSchema.CallToolRequest("list_agents",
                    unknown));
            assertThat(misspelt.isError()).isTrue();
        }
    }

    @Test
    void organizationsAreKeptApart_andKeysAreTheApis() throws Exception {
        try (McpSyncClient client = client(keyB)) {
            client.initialize();
            JsonNode agents = structured(client.callTool(new McpSchema.CallToolRequest("list_agents", Map.of())));
            assertThat(agents.get("total").asInt()).isZero();
            String theirs = TestServer.json(server.get("/v1/agents", TestServer.KEY)).get("data").get(0).get("id")
                    .asText();
            McpSchema.CallToolResult notFound = client.callTool(new McpSchema.CallToolRequest("get_agent",
                    Map.of("agentId", theirs)));
            assertThat(notFound.isError()).as("another organization's agent is not found").isTrue();
            assertThat(((McpSchema.TextContent) notFound.content().get(0)).text()).contains("list_agents");
        }
        assertThatThrownBy(() -> {
            try (McpSyncClient client = client("zk_not_a_key_of_anyone_0123456789abcdefghij")) {
                client.initialize();
            }
        }).as("the SDK's client is refused").hasRootCauseInstanceOf(
                McpHttpClientTransportAuthorizationException.class);
        assertThat(post("zk_not_a_key_of_anyone_0123456789abcdefghij", null, initialize()).statusCode())
                .isEqualTo(401);

        JsonNode created = TestServer.json(server.post("/v1/keys", TestServer.KEY, "{\"name\": \"mcp\"}"));
        String revocable = created.get("key").asText();
        try (McpSyncClient client = client(revocable)) {
            client.initialize();
        }
        HttpResponse<String> revoked = server.send(HttpRequest.newBuilder(server.uri("/v1/keys/"
                        + created.get("id").asText()))
                .header("Authorization", "Bearer " + TestServer.KEY).DELETE().build());
        assertThat(revoked.statusCode()).isIn(200, 204);
        HttpResponse<String> refused = post(revocable, null, initialize());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(TestServer.json(refused).get("error").asText()).isEqualTo("Unauthorized");
    }

    @Test
    void theEndpoint_refusesGetsAndOtherOrigins() {
        HttpResponse<String> get = server.send(HttpRequest.newBuilder(server.uri("/mcp"))
                .header("Authorization", "Bearer " + TestServer.KEY).header("Accept", "text/event-stream").GET()
                .build());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(post(TestServer.KEY, "https://evil.example", initialize()).statusCode()).isEqualTo(403);
        assertThat(post(TestServer.KEY, "http://localhost:3000", initialize()).statusCode()).isEqualTo(200);
        assertThat(post(null, null, initialize()).statusCode()).isEqualTo(401);
    }

    private static String initialize() {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
    }

    private static HttpResponse<String> post(String key, String origin, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return server.send(request.build());
    }
}
