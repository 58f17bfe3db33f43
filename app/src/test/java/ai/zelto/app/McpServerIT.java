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
import java.time.Instant;
import java.util.ArrayList;
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
        Instant now = Instant.now();
        refundCall("mcp-refund-new", "v4", now.minus(Duration.ofDays(1)), "Thanks for calling.",
                "I was charged twice, I want a refund", "I have issued the refund.");
        refundCall("mcp-refund-mid", "v3", now.minus(Duration.ofDays(3)), "We can refund that for you.");
        refundCall("mcp-refund-old", "v2", now.minus(Duration.ofDays(20)), "Hello.", "A refund, please.");
        refundCall("mcp-parcel", "v4", now.minus(Duration.ofHours(5)), "Hello.", "Where is my parcel?");
        StringBuilder turns = new StringBuilder();
        for (int i = 0; i < LONG_TURNS; i++) {
            String text = i == LONG_TURN ? "x ".repeat(34_994) + "finally over" : "turn " + i + " says \\\"hi\\\"";
            turns.append(i == 0 ? "" : ",").append("{\"role\": \"").append(i % 2 == 0 ? "user" : "assistant")
                    .append("\", \"text\": \"").append(text).append("\", \"startSeconds\": ").append(i)
                    .append("}");
        }
        server.uploadAndProcess("{\"call\": {\"externalId\": \"mcp-long\"}, \"agent\": {\"externalId\":"
                + " \"mcp-long-agent\", \"name\": \"Long talker\"}, \"transcript\": {\"turns\": [" + turns + "]}}");
        server.uploadAndProcess("""
                {"call": {"externalId": "mcp-bad-agent", "recordingUrl": "https://r/b.wav"},
                 "agentId": "3c90c3cc-0d44-4b50-8888-8dd25736052a"}""");
    }

    private static final int LONG_TURNS = 500;
    private static final int LONG_TURN = 250;

    private static void refundCall(String externalId, String version, Instant startedAt, String... said) {
        StringBuilder turns = new StringBuilder();
        for (int i = 0; i < said.length; i++) {
            turns.append(i == 0 ? "" : ",").append("{\"role\": \"").append(i % 2 == 0 ? "assistant" : "user")
                    .append("\", \"text\": \"").append(said[i]).append("\"}");
        }
        server.uploadAndProcess("{\"call\": {\"externalId\": \"" + externalId + "\", \"startedAt\": \"" + startedAt
                + "\"}, \"version\": \"" + version + "\", \"agent\": {\"externalId\": \"mcp-support\", \"name\":"
                + " \"Support\"}, \"transcript\": {\"turns\": [" + turns + "]}}");
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
                    "compare_versions", "search_conversations", "get_conversation", "list_deliveries",
                    "get_credits");
            for (McpSchema.Tool tool : tools) {
                assertThat(tool.annotations().readOnlyHint()).isTrue();
                assertThat(tool.title()).isNotBlank();
                assertThat(tool.outputSchema()).isNotEmpty();
            }

            JsonNode page = structured(client.callTool(new McpSchema.CallToolRequest("list_agents",
                    Map.of("limit", 2))));
            assertThat(page.get("total").asInt()).isEqualTo(5);
            assertThat(page.get("agents")).hasSize(2);
            assertThat(page.get("hasMore").asBoolean()).isTrue();
            assertThat(page.get("agents").get(0).get("url").asText()).startsWith("http://localhost:")
                    .contains("/agents/");
            JsonNode rest = structured(client.callTool(new McpSchema.CallToolRequest("list_agents",
                    Map.of("limit", 2, "cursor", page.get("nextCursor").asText()))));
            JsonNode last = structured(client.callTool(new McpSchema.CallToolRequest("list_agents",
                    Map.of("limit", 2, "cursor", rest.get("nextCursor").asText()))));
            assertThat(last.get("agents")).hasSize(1);
            assertThat(last.get("hasMore").asBoolean()).isFalse();
            assertThat(last.get("nextCursor").isNull()).isTrue();

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
    void whichCallsMentionedARefundLastWeek_andWhichVersionHandledThem() {
        try (McpSyncClient client = client(TestServer.KEY)) {
            client.initialize();
            JsonNode found = structured(client.callTool(new McpSchema.CallToolRequest("search_conversations",
                    Map.of("q", "refund", "lastDays", 7))));
            JsonNode rows = found.get("conversations");
            assertThat(rows).hasSize(2);
            assertThat(rows.findValuesAsText("version")).containsExactly("v4", "v3");
            JsonNode newest = rows.get(0);
            assertThat(newest.get("agent").get("name").asText()).isEqualTo("Support");
            assertThat(newest.get("match").get("turnIndex").asInt()).isEqualTo(1);
            assertThat(newest.get("match").get("snippet").asText()).contains("refund");
            assertThat(newest.get("match").get("url").asText()).isEqualTo(newest.get("url").asText() + "#turn-1")
                    .startsWith("http://localhost:").contains("/conversations/" + newest.get("id").asText());
            assertThat(rows.get(1).get("match").get("turnIndex").asInt()).isZero();
            assertThat(found.get("hasMore").asBoolean()).isFalse();
            assertThat(found.get("listUrl").asText()).contains("/conversations?q=refund&from=");
            assertThat(found.get("window").get("from").asText()).isNotEmpty();

            JsonNode everything = structured(client.callTool(new McpSchema.CallToolRequest("search_conversations",
                    Map.of("q", "refund"))));
            assertThat(everything.get("conversations").findValuesAsText("version")).containsExactly("v4", "v3",
                    "v2");
            List<String> paged = new ArrayList<>();
            Map<String, Object> arguments = new HashMap<>(Map.of("q", "refund", "limit", 1));
            while (true) {
                JsonNode page = structured(client.callTool(new McpSchema.CallToolRequest("search_conversations",
                        arguments)));
                page.get("conversations").forEach(row -> paged.add(row.get("id").asText()));
                if (!page.get("hasMore").asBoolean()) {
                    break;
                }
                arguments.put("cursor", page.get("nextCursor").asText());
            }
            List<String> whole = new ArrayList<>();
            everything.get("conversations").forEach(row -> whole.add(row.get("id").asText()));
            assertThat(paged).isEqualTo(whole);

            JsonNode byVersion = structured(client.callTool(new McpSchema.CallToolRequest("search_conversations",
                    Map.of("version", "v4"))));
            assertThat(byVersion.get("conversations")).hasSize(2);
            assertThat(byVersion.get("conversations").get(0).get("match").isNull()).isTrue();
            for (Map<String, Object> wrong : List.<Map<String, Object>>of(Map.of("lastDays", 7, "from",
                    "2026-01-01T00:00:00Z"), Map.of("from", "last week"), Map.of("agentId", "Support"),
                    Map.of("metadataKey", "channel"), Map.of("cursor", "o:12"))) {
                McpSchema.CallToolResult refused = client.callTool(new McpSchema.CallToolRequest(
                        "search_conversations", wrong));
                assertThat(refused.isError()).as(wrong.toString()).isTrue();
            }
        }
    }

    @Test
    void aLongTranscript_isPagedByTurns_andATurnTooLongForAPageIsCutAndSaysSo() {
        try (McpSyncClient client = client(TestServer.KEY)) {
            client.initialize();
            String id = TestServer.json(server.get("/v1/conversations?externalId=mcp-long", TestServer.KEY))
                    .get("data").get(0).get("id").asText();
            List<JsonNode> turns = new ArrayList<>();
            StringBuilder longTurn = new StringBuilder();
            Map<String, Object> arguments = new HashMap<>(Map.of("conversationId", id, "maxTurns", 200));
            int pages = 0;
            while (true) {
                McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("get_conversation",
                        arguments));
                assertThat(((McpSchema.TextContent) result.content().get(0)).text().length())
                        .isLessThanOrEqualTo(80_000);
                JsonNode page = structured(result);
                pages++;
                assertThat(page.get("totalTurns").asInt()).isEqualTo(LONG_TURNS);
                assertThat(page.has("systemPrompt")).isEqualTo(pages == 1);
                for (JsonNode turn : page.get("turns")) {
                    if (turn.get("index").asInt() == LONG_TURN) {
                        longTurn.append(turn.get("text").asText());
                        assertThat(turn.get("textLength").asInt()).isEqualTo(70_000);
                    }
                    if (!turn.has("textFrom")) {
                        turns.add(turn);
                    }
                }
                if (!page.get("hasMore").asBoolean()) {
                    assertThat(page.get("next").isNull()).isTrue();
                    break;
                }
                arguments.put("fromTurn", page.get("next").get("fromTurn").asInt());
                arguments.put("textFrom", page.get("next").get("textFrom").asInt());
                if (page.get("next").get("textFrom").asInt() > 0) {
                    assertThat(page.get("cut").get(0).asText()).contains("turn " + LONG_TURN, "textFrom");
                }
            }
            assertThat(pages).as("200 turns a page, and the long turn in two pieces").isGreaterThanOrEqualTo(4);
            assertThat(turns).extracting(turn -> turn.get("index").asInt()).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, LONG_TURNS).boxed().toList());
            assertThat(turns.get(7).get("text").asText()).isEqualTo("turn 7 says \"hi\"");
            assertThat(turns.get(7).get("role").asText()).isEqualTo("assistant");
            assertThat(turns.get(7).get("url").asText()).endsWith("/conversations/" + id + "#turn-7");
            assertThat(longTurn.toString()).isEqualTo("x ".repeat(34_994) + "finally over");

            McpSchema.CallToolResult past = client.callTool(new McpSchema.CallToolRequest("get_conversation",
                    Map.of("conversationId", id, "fromTurn", LONG_TURNS)));
            assertThat(past.isError()).isTrue();
            assertThat(((McpSchema.TextContent) past.content().get(0)).text()).contains("500 turns");
        }
        try (McpSyncClient other = client(keyB)) {
            other.initialize();
            String theirs = TestServer.json(server.get("/v1/conversations?externalId=mcp-long", TestServer.KEY))
                    .get("data").get(0).get("id").asText();
            McpSchema.CallToolResult notFound = other.callTool(new McpSchema.CallToolRequest("get_conversation",
                    Map.of("conversationId", theirs)));
            assertThat(notFound.isError()).as("another organization's conversation is not found").isTrue();
            JsonNode nothing = structured(other.callTool(new McpSchema.CallToolRequest("search_conversations",
                    Map.of("q", "refund"))));
            assertThat(nothing.get("conversations")).isEmpty();
            assertThat(structured(other.callTool(new McpSchema.CallToolRequest("list_deliveries", Map.of())))
                    .get("deliveries")).isEmpty();
        }
    }

    @Test
    void aFailedDelivery_isFoundWithItsReason() {
        try (McpSyncClient client = client(TestServer.KEY)) {
            client.initialize();
            JsonNode failed = structured(client.callTool(new McpSchema.CallToolRequest("list_deliveries",
                    Map.of("status", "failed"))));
            assertThat(failed.get("deliveries")).hasSize(1);
            assertThat(failed.get("deliveries").get(0).get("reason").asText()).contains("is not an agent");
            assertThat(failed.get("listUrl").asText()).endsWith("/deliveries?status=failed");
            JsonNode all = structured(client.callTool(new McpSchema.CallToolRequest("list_deliveries",
                    Map.of("limit", 3))));
            assertThat(all.get("deliveries")).hasSize(3);
            assertThat(all.get("hasMore").asBoolean()).isTrue();
            JsonNode processed = all.get("deliveries").findParents("conversationUrl").stream()
                    .filter(row -> !row.get("conversationUrl").isNull()).findFirst().orElseThrow();
            assertThat(processed.get("conversationUrl").asText()).contains("/conversations/"
                    + processed.get("conversationId").asText());
            assertThat(client.callTool(new McpSchema.CallToolRequest("list_deliveries", Map.of("status", "lost")))
                    .isError()).isTrue();
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
        HttpResponse<String> old = post(TestServer.KEY, null, initialize().replace("2025-11-25", "1999-01-01"));
        assertThat(TestServer.json(old).get("result").get("protocolVersion").asText())
                .as("an initialize naming an unknown version is answered with the version the server speaks")
                .isEqualTo("2025-11-25");
        HttpResponse<String> header = server.send(HttpRequest.newBuilder(server.uri("/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer " + TestServer.KEY).header("MCP-Protocol-Version", "1999-01-01")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}"))
                .build());
        assertThat(header.statusCode()).isEqualTo(400);
        JsonNode unsupported = TestServer.json(header).get("error");
        assertThat(unsupported.get("data").get("supported")).extracting(JsonNode::asText)
                .contains("2025-11-25", "2025-06-18", "2025-03-26");
        assertThat(unsupported.get("data").get("requested").asText()).isEqualTo("1999-01-01");
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
