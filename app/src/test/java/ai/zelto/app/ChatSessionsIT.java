package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.adapters.llm.FakeChatModelServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Chat sessions against the real server and a fake OpenAI-compatible model on 127.0.0.1 that speaks the wire
 * format (JSON, and streamed {@code data:} chunks ending in {@code [DONE]}) and records what it was sent.
 */
class ChatSessionsIT {
    private static final int MAX_MESSAGES = 8;
    private static FakeChatModelServer model;
    private static TestServer server;
    private static String keyB;
    private static String keyPoor;
    private static String agentB;
    private static String poorAgent;

    @BeforeAll
    static void start() {
        model = FakeChatModelServer.start();
        server = TestServer.start(Map.of("ZELTO_LLM_URL", model.baseUrl(), "ZELTO_LLM_MODEL", "fake-small",
                "ZELTO_LLM_TIMEOUT_SECONDS", "2", "ZELTO_CHAT_MAX_MESSAGE_CHARS", "400",
                "ZELTO_CHAT_HISTORY_TOKENS", "200", "ZELTO_CHAT_MAX_MESSAGES", String.valueOf(MAX_MESSAGES),
                "ZELTO_FETCH_ALLOWED_HOSTS", "127.0.0.1"));
        try (JdbiHarness harness = new JdbiHarness(server.database)) {
            keyB = harness.organizationKey("B");
            keyPoor = harness.spentOrganizationKey("Poor");
        }
        agentB = textAgent(keyB, "B's bot", null);
        poorAgent = textAgent(keyPoor, "Poor bot", null);
    }

    @AfterAll
    static void stop() {
        server.close();
        model.close();
    }

    @BeforeEach
    void reply() {
        model.mode(FakeChatModelServer.Mode.REPLY).pace(Duration.ZERO).replies(FakeChatModelServer::echo);
    }

    private static HttpResponse<String> send(String method, String path, String key, String body,
                                             String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return server.send(request.build());
    }

    private static JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return TestServer.json(response);
    }

    private static String textAgent(String key, String name, String prompt) {
        return ok(send("POST", "/v1/agents", key, "{\"name\": " + TestServer.JSON.valueToTree(name)
                + ", \"architecture\": \"text\"" + (prompt == null ? "" : ", \"systemPrompt\": "
                + TestServer.JSON.valueToTree(prompt)) + "}"), 201).get("id").asText();
    }

    private static String open(String key, String agentId) {
        return ok(send("POST", "/v1/chat/sessions", key, "{\"agent_id\": \"" + agentId + "\"}"), 201)
                .get("session_id").asText();
    }

    private static HttpResponse<String> message(String key, String session, String text) {
        return send("POST", "/v1/chat/sessions/" + session + "/messages", key,
                "{\"text\": " + TestServer.JSON.valueToTree(text) + "}");
    }

    @Test
    void aSession_isOpened_answered_readAndEnded_intoOneConversationWithEveryMessage_chargedOnce() {
        String agent = textAgent(TestServer.KEY, "Support chat", "You are Zelto's support agent. Be brief.");
        long before = server.getJson("/v1/credits").get("balance").asLong();
        JsonNode created = ok(send("POST", "/v1/chat/sessions", TestServer.KEY, "{\"agent_id\": \"" + agent
                + "\", \"metadata\": {\"ticket\": 427, \"channel\": \"web\"}}"), 201);
        assertThat(created.get("agent_name").asText()).isEqualTo("Support chat");
        assertThat(created.get("created_at").asText()).endsWith("Z");
        String session = created.get("session_id").asText();

        JsonNode first = ok(message(TestServer.KEY, session, "Where is my order?"), 200);
        JsonNode second = ok(message(TestServer.KEY, session, "It is order 427."), 200);

        assertThat(first.get("role").asText()).isEqualTo("assistant");
        assertThat(first.get("text").asText()).isEqualTo("Echo: Where is my order?");
        assertThat(second.get("text").asText()).isEqualTo("Echo: It is order 427.");
        JsonNode sent = model.requests().get(model.requests().size() - 1);
        assertThat(sent.get("model").asText()).isEqualTo("fake-small");
        assertThat(sent.get("messages").findValuesAsText("role")).containsExactly("system", "user", "assistant",
                "user");
        assertThat(sent.get("messages").findValuesAsText("content")).containsExactly(
                "You are Zelto's support agent. Be brief.", "Where is my order?", "Echo: Where is my order?",
                "It is order 427.");
        JsonNode read = ok(send("GET", "/v1/chat/sessions/" + session, TestServer.KEY, null), 200);
        assertThat(read.get("status").asText()).isEqualTo("open");
        assertThat(read.get("messages").findValuesAsText("text")).containsExactly("Where is my order?",
                "Echo: Where is my order?", "It is order 427.", "Echo: It is order 427.");

        JsonNode ended = ok(send("POST", "/v1/chat/sessions/" + session + "/end", TestServer.KEY, null), 200);
        JsonNode again = ok(send("POST", "/v1/chat/sessions/" + session + "/end", TestServer.KEY, null), 200);
        assertThat(ended.get("status").asText()).isEqualTo("ended");
        assertThat(again.get("ended_at").asText()).isEqualTo(ended.get("ended_at").asText());
        assertThat(ok(message(TestServer.KEY, session, "Hello?"), 409).get("error").asText())
                .startsWith("Session ended");

        JsonNode conversation = awaitConversation(TestServer.KEY, session);
        assertThat(conversation.get("agent").get("id").asText()).isEqualTo(agent);
        assertThat(conversation.get("metadata").get("channel").asText()).isEqualTo("chat");
        assertThat(conversation.get("metadata").get("ticket").asInt()).isEqualTo(427);
        assertThat(conversation.get("systemPrompt").asText()).isEqualTo("You are Zelto's support agent. Be brief.");
        assertThat(conversation.get("endedReason").asText()).isEqualTo("user-ended");
        JsonNode turns = conversation.get("transcript").get("turns");
        assertThat(turns.findValuesAsText("role")).containsExactly("user", "assistant", "user", "assistant");
        assertThat(turns.findValuesAsText("text")).containsExactly("Where is my order?", "Echo: Where is my order?",
                "It is order 427.", "Echo: It is order 427.");
        assertThat(turns.get(0).get("startSeconds").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(turns.get(3).get("startSeconds").asDouble())
                .isGreaterThanOrEqualTo(turns.get(0).get("startSeconds").asDouble());
        long after = server.getJson("/v1/credits").get("balance").asLong();
        assertThat(before - after).as("one charge: a chat of seconds is one started minute").isEqualTo(1);
        ok(send("POST", "/v1/chat/sessions/" + session + "/end", TestServer.KEY, null), 200);
        TestServer.sleep(300);
        assertThat(server.getJson("/v1/credits").get("balance").asLong()).as("ending again charges nothing")
                .isEqualTo(after);
        assertThat(server.getJson("/v1/conversations?externalId=" + session).get("data")).hasSize(1);
    }

    @Test
    void anAgentNamingItsOwnModel_isAnsweredByThatModel_onTheSameApi() {
        JsonNode agent = ok(send("POST", "/v1/agents", TestServer.KEY, "{\"name\": \"Big brain\", \"architecture\":"
                + " \"text\", \"model\": \"llama3.2:3b\"}"), 201);
        assertThat(agent.get("model").asText()).isEqualTo("llama3.2:3b");
        assertThat(ok(send("POST", "/v1/agents", TestServer.KEY, "{\"name\": \"Bad model\", \"architecture\":"
                + " \"text\", \"model\": \"has spaces\"}"), 400).get("details").has("model")).isTrue();
        String session = open(TestServer.KEY, agent.get("id").asText());

        ok(message(TestServer.KEY, session, "which model?"), 200);
        assertThat(model.requests().get(model.requests().size() - 1).get("model").asText()).isEqualTo("llama3.2:3b");

        ok(send("PATCH", "/v1/agents/" + agent.get("id").asText(), TestServer.KEY, "{\"model\": null}"), 200);
        ok(message(TestServer.KEY, session, "and now?"), 200);
        assertThat(model.requests().get(model.requests().size() - 1).get("model").asText()).isEqualTo("fake-small");
    }

    @Test
    void aReply_streamsAsServerSentEvents_asTheModelProducesIt() throws Exception {
        String session = open(TestServer.KEY, textAgent(TestServer.KEY, "Streamer", null));
        model.pace(Duration.ofMillis(300));
        HttpRequest request = HttpRequest.newBuilder(server.uri("/v1/chat/sessions/" + session + "/messages"))
                .header("Authorization", "Bearer " + TestServer.KEY).header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"one two three four five\"}")).build();
        long started = System.nanoTime();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofLines());
        List<String> events = new ArrayList<>();
        List<Long> arrivals = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            lines.forEach(line -> {
                if (line.startsWith("event: ") || line.startsWith("data: ")) {
                    events.add(line);
                    arrivals.add((System.nanoTime() - started) / 1_000_000);
                }
            });
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/event-stream"));
        List<String> names = events.stream().filter(line -> line.startsWith("event: ")).toList();
        assertThat(names).startsWith("event: delta").endsWith("event: message");
        StringBuilder streamed = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).equals("event: delta")) {
                streamed.append(TestServer.JSON.readTree(events.get(i + 1).substring(6)).get("text").asText());
            }
        }
        JsonNode whole = TestServer.JSON.readTree(events.get(events.size() - 1).substring(6));
        assertThat(streamed.toString()).isEqualTo("Echo: one two three four five").isEqualTo(whole.get("text")
                .asText());
        long firstDelta = arrivals.get(events.indexOf("event: delta"));
        long last = arrivals.get(arrivals.size() - 1);
        assertThat(last - firstDelta).as("the first piece came while the model was still writing").isGreaterThan(900);
        assertThat(ok(send("GET", "/v1/chat/sessions/" + session, TestServer.KEY, null), 200).get("messages")
                .findValuesAsText("text")).containsExactly("one two three four five", "Echo: one two three four five");
    }

    @Test
    void modelFailures_are502ModelUnavailable_keepThePersonsMessage_andLeaveTheSessionUsable() {
        String session = open(TestServer.KEY, textAgent(TestServer.KEY, "Fragile", null));
        for (FakeChatModelServer.Mode mode : List.of(FakeChatModelServer.Mode.FAIL_500,
                FakeChatModelServer.Mode.STALL, FakeChatModelServer.Mode.GARBAGE)) {
            model.mode(mode);
            JsonNode failed = ok(message(TestServer.KEY, session, "try " + mode), 502);
            assertThat(failed.get("error").asText()).isEqualTo("Model unavailable");
            assertThat(failed.get("details").get("kind").asText()).isEqualTo(switch (mode) {
                case FAIL_500 -> "failed";
                case STALL -> "timeout";
                default -> "malformed";
            });
            assertThat(failed.get("details").get("reason").asText()).isNotBlank();
        }
        model.mode(FakeChatModelServer.Mode.REPLY);
        assertThat(ok(message(TestServer.KEY, session, "now?"), 200).get("text").asText()).isEqualTo("Echo: now?");
        assertThat(ok(send("GET", "/v1/chat/sessions/" + session, TestServer.KEY, null), 200).get("messages")
                .findValuesAsText("text")).containsExactly("try FAIL_500", "try STALL", "try GARBAGE", "now?",
                "Echo: now?");
    }

    @Test
    void aStreamedReplyThatFailsMidway_endsWithAnErrorEvent() throws Exception {
        String session = open(TestServer.KEY, textAgent(TestServer.KEY, "Half", null));
        model.mode(FakeChatModelServer.Mode.STALL_MID_STREAM);

        HttpResponse<String> response = send("POST", "/v1/chat/sessions/" + session + "/messages", TestServer.KEY,
                "{\"text\": \"tell me\"}", "Accept", "text/event-stream");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("event: delta\ndata: {\"text\":\"Echo: \"}\n\n");
        String last = response.body().substring(response.body().lastIndexOf("event: "));
        assertThat(last).startsWith("event: error\ndata: {\"error\":\"Model unavailable\"");
        JsonNode error = TestServer.JSON.readTree(last.substring(last.indexOf("data: ") + 6).strip());
        assertThat(error.get("details").get("kind").asText()).isEqualTo("timeout");
        assertThat(ok(send("GET", "/v1/chat/sessions/" + session, TestServer.KEY, null), 200).get("messages")
                .findValuesAsText("text")).as("the person's message stays; no half reply is kept")
                .containsExactly("tell me");
    }

    @Test
    void oneMessageAtATime_aSecondWhileTheFirstIsAnswered_is409() throws Exception {
        String session = open(TestServer.KEY, textAgent(TestServer.KEY, "Slow", null));
        model.mode(FakeChatModelServer.Mode.HOLD);
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() ->
                message(TestServer.KEY, session, "first"));
        assertThat(model.awaitRequest(10)).isTrue();

        JsonNode refused = ok(message(TestServer.KEY, session, "second"), 409);
        model.release();

        assertThat(refused.get("error").asText()).contains("still on its way");
        assertThat(ok(first.get(), 200).get("text").asText()).isEqualTo("Echo: first");
        assertThat(ok(message(TestServer.KEY, session, "third"), 200).get("text").asText()).isEqualTo("Echo: third");
    }

    @Test
    void everyRefusal_beforeAnythingIsStored() {
        String voice = ok(send("POST", "/v1/agents", TestServer.KEY, "{\"name\": \"Voice only\", \"architecture\":"
                + " \"pipeline\", \"livekitAgentName\": \"w\"}"), 201).get("id").asText();
        String found = server.uploadAndProcess("{\"call\": {\"externalId\": \"found-agent-call\"}, \"agent\": "
                + "{\"externalId\": \"found-bot\"}, \"transcript\": {\"turns\": [{\"role\": \"user\","
                + " \"text\": \"hi\"}]}}")
                .get("conversationId").asText();
        String foundAgent = server.getJson("/v1/conversations/" + found).get("agent").get("id").asText();
        String text = textAgent(TestServer.KEY, "Refusals", null);

        assertThat(ok(send("POST", "/v1/chat/sessions", TestServer.KEY, "{\"agent_id\": \"" + voice + "\"}"), 400)
                .get("error").asText()).contains("voice agent");
        assertThat(ok(send("POST", "/v1/chat/sessions", TestServer.KEY, "{\"agent_id\": \"" + foundAgent + "\"}"),
                400).get("error").asText()).contains("no architecture");
        ok(send("POST", "/v1/chat/sessions", TestServer.KEY, "{\"agent_id\": \"" + agentB + "\"}"), 404);
        ok(send("POST", "/v1/chat/sessions", keyPoor, "{\"agent_id\": \"" + poorAgent + "\"}"), 402);
        assertThat(ok(send("POST", "/v1/chat/sessions", TestServer.KEY, "{\"agent_id\": \"nope\"}"), 400)
                .get("details").has("agent_id")).isTrue();
        assertThat(ok(send("POST", "/v1/chat/sessions", TestServer.KEY, "{}"), 400).get("details").has("agent_id"))
                .isTrue();
        assertThat(ok(send("POST", "/v1/chat/sessions", TestServer.KEY, "{\"agent_id\": \"" + text
                + "\", \"metadata\": [1]}"), 400).get("details").has("metadata")).isTrue();
        ok(send("POST", "/v1/chat/sessions", null, "{\"agent_id\": \"" + text + "\"}"), 401);

        String session = open(TestServer.KEY, text);
        assertThat(ok(message(TestServer.KEY, session, ""), 400).get("details").has("text")).isTrue();
        assertThat(ok(message(TestServer.KEY, session, "x".repeat(401)), 400).get("details").get("text").asText())
                .contains("400");
        assertThat(ok(send("POST", "/v1/chat/sessions/" + session + "/messages", TestServer.KEY, "{\"text\": 5}"),
                400).get("details").has("text")).isTrue();
        ok(message(TestServer.KEY, "not-an-id", "hi"), 404);
        ok(send("GET", "/v1/chat/sessions/" + java.util.UUID.randomUUID(), TestServer.KEY, null), 404);
        assertThat(ok(send("GET", "/v1/chat/sessions/" + session, TestServer.KEY, null), 200).get("messages"))
                .isEmpty();
        for (int i = 0; i < MAX_MESSAGES / 2; i++) {
            ok(message(TestServer.KEY, session, "message " + i), 200);
        }
        assertThat(ok(message(TestServer.KEY, session, "one more"), 409).get("error").asText())
                .startsWith("Session full");
    }

    @Test
    void anotherOrganizationsSession_isNotFound_forEveryVerb() {
        String session = open(TestServer.KEY, textAgent(TestServer.KEY, "Private", null));

        ok(send("GET", "/v1/chat/sessions/" + session, keyB, null), 404);
        ok(message(keyB, session, "hi"), 404);
        ok(send("POST", "/v1/chat/sessions/" + session + "/end", keyB, null), 404);
        assertThat(ok(send("GET", "/v1/chat/sessions/" + session, TestServer.KEY, null), 200).get("status").asText())
                .isEqualTo("open");
    }

    @Test
    void theHistorySent_keepsTheSystemPromptAndTheNewestMessages_withinItsBudget() {
        String prompt = "You answer in one sentence.";
        String session = open(TestServer.KEY, textAgent(TestServer.KEY, "Bounded", prompt));
        for (int i = 0; i < 3; i++) {
            ok(message(TestServer.KEY, session, i + " " + "word ".repeat(50)), 200);
        }

        JsonNode sent = model.requests().get(model.requests().size() - 1).get("messages");
        assertThat(sent.get(0).get("content").asText()).isEqualTo(prompt);
        assertThat(sent.get(sent.size() - 1).get("content").asText()).startsWith("2 word");
        assertThat(sent.size()).as("the oldest messages were dropped").isLessThan(1 + 5);
        int tokens = 0;
        for (JsonNode message : sent) {
            tokens += (message.get("content").asText().length() + 3) / 4 + 4;
        }
        assertThat(tokens).isLessThanOrEqualTo(200);
    }

    @Test
    void anOrganizationsOwnModel_isUsedWithItsKey_andARefusedKeyIsA502() {
        try (FakeChatModelServer own = FakeChatModelServer.start()) {
            own.requireKey("sk-own");
            ok(send("PUT", "/v1/integrations/llm", keyB, "{\"url\": \"" + own.baseUrl() + "\", \"apiKey\":"
                    + " \"sk-own\", \"model\": \"own-large\"}"), 200);
            String session = open(keyB, agentB);
            assertThat(ok(message(keyB, session, "hello"), 200).get("text").asText()).isEqualTo("Echo: hello");
            assertThat(own.authorizations()).containsExactly("Bearer sk-own");
            assertThat(own.requests().get(0).get("model").asText()).isEqualTo("own-large");
            JsonNode listed = ok(send("GET", "/v1/integrations", keyB, null), 200);
            assertThat(listed.toString()).doesNotContain("sk-own");

            ok(send("PUT", "/v1/integrations/llm", keyB, "{\"apiKey\": \"sk-wrong\"}"), 200);
            JsonNode refused = ok(message(keyB, session, "hello?"), 502);
            assertThat(refused.get("details").get("kind").asText()).isEqualTo("refused");
            assertThat(ok(send("PUT", "/v1/integrations/llm", keyB, "{\"url\": \"ftp://x\"}"), 400)
                    .get("details").has("url")).isTrue();
        } finally {
            send("PUT", "/v1/integrations/llm", keyB, "{\"url\": null, \"apiKey\": null, \"model\": null}");
        }
    }

    @Test
    void anIdleSession_endsByItself_andBecomesItsConversation() {
        String session = open(TestServer.KEY, textAgent(TestServer.KEY, "Idle", null));
        ok(message(TestServer.KEY, session, "are you there?"), 200);
        Jdbi.create(server.database.dataSource()).useHandle(handle -> handle.createUpdate("""
                        UPDATE chat_sessions SET last_activity_at = last_activity_at - interval '31 minutes'
                        WHERE id = CAST(:id AS uuid)""").bind("id", session).execute());

        JsonNode conversation = awaitConversation(TestServer.KEY, session);

        assertThat(conversation.get("endedReason").asText()).isEqualTo("idle-timeout");
        assertThat(conversation.get("transcript").get("turns").findValuesAsText("text"))
                .containsExactly("are you there?", "Echo: are you there?");
        assertThat(ok(send("GET", "/v1/chat/sessions/" + session, TestServer.KEY, null), 200).get("ended_reason")
                .asText()).isEqualTo("idle");
    }

    @Test
    void withoutAModel_openingASessionSaysWhatToConfigure() {
        try (TestServer bare = TestServer.start()) {
            String agent = ok(bare.send(HttpRequest.newBuilder(bare.uri("/v1/agents"))
                    .header("Authorization", "Bearer " + TestServer.KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"T\", \"architecture\": \"text\"}"))
                    .build()), 201).get("id").asText();
            JsonNode refused = ok(bare.send(HttpRequest.newBuilder(bare.uri("/v1/chat/sessions"))
                    .header("Authorization", "Bearer " + TestServer.KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"agent_id\": \"" + agent + "\"}")).build()), 409);
            assertThat(refused.get("error").asText()).contains("ZELTO_LLM_URL").contains("/v1/integrations/llm");
        }
    }

    /** The conversation the session became, once ingestion processed it. */
    private static JsonNode awaitConversation(String key, String session) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode page = ok(send("GET", "/v1/conversations?externalId=" + session, key, null), 200);
            if (page.get("data").size() == 1) {
                return ok(send("GET", "/v1/conversations/" + page.get("data").get(0).get("id").asText(), key, null),
                        200);
            }
            assertThat(System.nanoTime()).as("the session became a conversation in time").isLessThan(deadline);
            TestServer.sleep(100);
        }
    }
}
