package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.adapters.livekit.FakeLiveKitServer;
import ai.zelto.adapters.livekit.LiveKitWebhookSigner;
import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import livekit.LivekitRoom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Voice sessions end to end against a fake LiveKit server that speaks Twirp and checks grants: agents created
 * and changed through the API, {@code POST /v1/voice/sessions} and every refusal of the product's table, the
 * session records, LiveKit's webhooks as LiveKit signs them, and the loop from room to conversation.
 */
class VoiceSessionsIT {
    private static final int MAX_OPEN = 4;
    private static final long CREDITS_PER_STARTED_MINUTE = 1;
    private static FakeLiveKitServer liveKit;
    private static TestServer server;
    private static String keyB;
    private static String keyPoor;

    @BeforeAll
    static void start() throws Exception {
        liveKit = new FakeLiveKitServer();
        server = TestServer.start(Map.of("ZELTO_LIVEKIT_URL", liveKit.wsUrl(),
                "ZELTO_LIVEKIT_API_KEY", FakeLiveKitServer.API_KEY,
                "ZELTO_LIVEKIT_API_SECRET", FakeLiveKitServer.API_SECRET,
                "ZELTO_VOICE_MAX_ACTIVE_SESSIONS", String.valueOf(MAX_OPEN),
                "ZELTO_FETCH_ALLOWED_HOSTS", "127.0.0.1"));
        try (JdbiHarness harness = new JdbiHarness(server.database)) {
            keyB = harness.organizationKey("B");
            keyPoor = harness.spentOrganizationKey("Poor");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
        liveKit.close();
    }

    @BeforeEach
    void clear() {
        liveKit.clear();
    }

    private static HttpResponse<String> send(String method, String path, String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return server.send(request.build());
    }

    private static JsonNode readJson(String text) {
        try {
            return TestServer.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return TestServer.json(response);
    }

    private static String createAgent(String key, String body) {
        return ok(send("POST", "/v1/agents", key, body), 201).get("id").asText();
    }

    private static String voiceAgent(String key) {
        return createAgent(key, "{\"name\": \"Support voice\", \"architecture\": \"pipeline\","
                + " \"livekitAgentName\": \"support-worker\", \"systemPrompt\": \"Be kind.\"}");
    }

    private static HttpResponse<String> startSession(String key, String agentId) {
        return send("POST", "/v1/voice/sessions", key, "{\"agent_id\": \"" + agentId + "\"}");
    }

    private static HttpResponse<String> webhook(String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/webhooks/livekit"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/webhook+json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return server.send(request.build());
    }

    private static HttpResponse<String> signedWebhook(String body) {
        return webhook(body, LiveKitWebhookSigner.sign(body.getBytes(StandardCharsets.UTF_8),
                FakeLiveKitServer.API_KEY, FakeLiveKitServer.API_SECRET, Instant.now()));
    }

    private static String roomEvent(String event, String id, String room) {
        return "{\"event\":\"" + event + "\",\"room\":{\"sid\":\"RM_x\",\"name\":\"" + room
                + "\",\"emptyTimeout\":300},\"id\":\"" + id + "\",\"createdAt\":\""
                + Instant.now().getEpochSecond() + "\"}";
    }

    @Test
    void agents_areCreatedAndChangedThroughTheApi_withPerFieldErrors() {
        JsonNode created = ok(send("POST", "/v1/agents", TestServer.KEY, "{\"name\": \"Front desk\","
                + " \"architecture\": \"realtime\", \"livekitAgentName\": \"front-desk\", \"externalId\": \"desk-1\","
                + " \"systemPrompt\": \"Greet people.\"}"), 201);
        assertThat(created.get("provider").asText()).isEqualTo("zelto");
        assertThat(created.get("architecture").asText()).isEqualTo("realtime");
        assertThat(created.get("livekitAgentName").asText()).isEqualTo("front-desk");
        assertThat(created.get("systemPrompt").asText()).isEqualTo("Greet people.");
        String id = created.get("id").asText();

        JsonNode changed = ok(send("PATCH", "/v1/agents/" + id, TestServer.KEY,
                "{\"architecture\": \"text\", \"livekitAgentName\": null}"), 200);
        assertThat(changed.get("architecture").asText()).isEqualTo("text");
        assertThat(changed.get("livekitAgentName").isNull()).isTrue();
        assertThat(changed.get("name").asText()).as("untouched").isEqualTo("Front desk");
        assertThat(server.getJson("/v1/agents/" + id).get("architecture").asText()).isEqualTo("text");

        JsonNode invalid = ok(send("POST", "/v1/agents", TestServer.KEY, "{\"architecture\": \"telepathy\","
                + " \"colour\": \"blue\", \"systemPrompt\": 7}"), 400);
        assertThat(invalid.get("error").asText()).isEqualTo("Validation failed");
        assertThat(invalid.get("details").fieldNames()).toIterable()
                .contains("architecture", "colour", "systemPrompt");
        assertThat(ok(send("POST", "/v1/agents", TestServer.KEY, "{\"architecture\": \"pipeline\"}"), 400)
                .get("details").has("name")).isTrue();
        assertThat(ok(send("POST", "/v1/agents", TestServer.KEY, "{\"name\": \"x\", \"architecture\": \"pipeline\","
                + " \"livekitAgentName\": \"has spaces\"}"), 400).get("details").has("livekitAgentName")).isTrue();
        assertThat(send("POST", "/v1/agents", TestServer.KEY, "{\"name\": \"Other\", \"architecture\": \"text\","
                + " \"externalId\": \"desk-1\"}").statusCode()).as("external id taken").isEqualTo(409);
        assertThat(send("PATCH", "/v1/agents/" + id, keyB, "{\"name\": \"mine\"}").statusCode()).isEqualTo(404);
        assertThat(send("PATCH", "/v1/agents/not-a-uuid", TestServer.KEY, "{}").statusCode()).isEqualTo(404);
        assertThat(send("PATCH", "/v1/agents/" + id, TestServer.KEY, "{\"name\": null}").statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/v1/agents", null, "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void aSession_createsTheRoomWithTheWorkerDispatched_andATokenForThatRoomOnly() {
        String agentId = voiceAgent(TestServer.KEY);
        long before = System.currentTimeMillis();

        JsonNode started = ok(startSession(TestServer.KEY, agentId), 200);

        String room = started.get("room_name").asText();
        assertThat(room).startsWith("agent_" + agentId + "_").matches("agent_.+_.+_\\d{13}");
        assertThat(Long.parseLong(room.substring(room.lastIndexOf('_') + 1))).isBetween(before,
                System.currentTimeMillis());
        assertThat(started.get("livekit_url").asText()).isEqualTo(liveKit.wsUrl());
        assertThat(started.get("agent_name").asText()).isEqualTo("Support voice");
        assertThat(started.fieldNames()).toIterable().containsExactlyInAnyOrder("room_name", "token", "livekit_url",
                "agent_name");

        FakeLiveKitServer.Request create = liveKit.requests("CreateRoom").get(0);
        LivekitRoom.CreateRoomRequest request = (LivekitRoom.CreateRoomRequest) create.body();
        assertThat(request.getName()).isEqualTo(room);
        assertThat(request.getAgentsList()).singleElement().satisfies(dispatch -> {
            assertThat(dispatch.getAgentName()).isEqualTo("support-worker");
            JsonNode metadata = readJson(dispatch.getMetadata());
            assertThat(metadata.get("agent_id").asText()).isEqualTo(agentId);
            assertThat(metadata.get("org_id").asText()).isNotBlank();
        });
        assertThat(liveKit.requests()).as("one request: room and dispatch together").hasSize(1);

        DecodedJWT token = JWT.decode(started.get("token").asText());
        String userId = room.substring(("agent_" + agentId + "_").length(), room.lastIndexOf('_'));
        assertThat(token.getSubject()).isEqualTo(userId);
        assertThat(token.getIssuer()).isEqualTo(FakeLiveKitServer.API_KEY);
        assertThat(token.getExpiresAt().toInstant()).isBetween(Instant.now().plusSeconds(3540),
                Instant.now().plusSeconds(3660));
        Map<String, Object> video = token.getClaim("video").asMap();
        assertThat(video).containsEntry("room", room).containsEntry("roomJoin", true)
                .containsEntry("canPublish", true).containsEntry("canSubscribe", true)
                .containsEntry("canPublishData", true);

        JsonNode session = server.getJson("/v1/voice/sessions/" + room);
        assertThat(session.get("status").asText()).isEqualTo("created");
        assertThat(session.get("agent_id").asText()).isEqualTo(agentId);
        assertThat(session.get("user_id").asText()).isEqualTo(userId);
        assertThat(session.get("conversation_id").isNull()).isTrue();
    }

    @Test
    void everyRefusalOfTheProductsTable() {
        String voice = voiceAgent(TestServer.KEY);
        assertThat(ok(send("POST", "/v1/voice/sessions", TestServer.KEY, "{}"), 400).get("details").has("agent_id"))
                .isTrue();
        assertThat(ok(send("POST", "/v1/voice/sessions", TestServer.KEY, "{\"agent_id\": \"nope\"}"), 400)
                .get("details").has("agent_id")).isTrue();
        assertThat(send("POST", "/v1/voice/sessions", TestServer.KEY, "not json").statusCode()).isEqualTo(400);
        String text = createAgent(TestServer.KEY, "{\"name\": \"Chat\", \"architecture\": \"text\"}");
        assertThat(ok(startSession(TestServer.KEY, text), 400).get("error").asText()).contains("text agent");
        server.uploadAndProcess(CanonicalBodies.withTranscript("found-by-ingestion", "ingested-agent"));
        String ingested = null;
        for (JsonNode agent : server.getJson("/v1/agents").get("data")) {
            if (agent.get("externalId").asText("").equals("ingested-agent")) {
                ingested = agent.get("id").asText();
            }
        }
        assertThat(ok(startSession(TestServer.KEY, ingested), 400).get("error").asText()).contains("architecture");
        assertThat(startSession(keyB, voice).statusCode()).as("another org's agent").isEqualTo(404);
        assertThat(startSession(TestServer.KEY, UUID.randomUUID().toString()).statusCode()).isEqualTo(404);
        String poorAgent = voiceAgent(keyPoor);
        assertThat(ok(startSession(keyPoor, poorAgent), 402).get("error").asText()).isNotBlank();
        assertThat(startSession(null, voice).statusCode()).isEqualTo(401);
        assertThat(liveKit.requests()).as("no room for any refusal").isEmpty();

        liveKit.failWith(503);
        JsonNode failed = ok(startSession(TestServer.KEY, voice), 500);
        assertThat(failed.get("error").asText()).contains("LiveKit").doesNotContain(FakeLiveKitServer.API_SECRET)
                .doesNotContain("127.0.0.1");
        liveKit.clear();
        assertThat(server.getJson("/v1/voice/sessions?agent_id=" + voice).get("data")).as("nothing kept").isEmpty();
    }

    @Test
    void liveKitUnreachable_is500_andAnOrgsOwnServerIsUsedWhenSet() {
        String agent = voiceAgent(keyB);
        HttpResponse<String> put = send("PUT", "/v1/integrations/livekit", keyB, "{\"url\": \"ws://127.0.0.1:1\","
                + " \"apiKey\": \"APIb\", \"apiSecret\": \"b-secret-value-1234\"}");
        JsonNode settings = ok(put, 200).get("settings");
        assertThat(settings.get("apiSecret").get("hint").asText()).isEqualTo("…1234");
        assertThat(put.body()).doesNotContain("b-secret-value");
        assertThat(ok(startSession(keyB, agent), 500).get("error").asText()).contains("LiveKit");

        assertThat(ok(send("PUT", "/v1/integrations/livekit", keyB, "{\"url\": \"ws://10.1.2.3:7880\"}"), 400)
                .get("details").get("url").asText()).contains("internal");
        assertThat(ok(send("PUT", "/v1/integrations/livekit", keyB, "{\"apiSecret\": null}"), 400).get("details")
                .has("apiSecret")).as("the three go together").isTrue();
        assertThat(ok(send("PUT", "/v1/integrations/livekit", keyB, "{\"url\": \"ftp://x\"}"), 400).get("details")
                .has("url")).isTrue();

        ok(send("PUT", "/v1/integrations/livekit", keyB, "{\"url\": null, \"apiKey\": null, \"apiSecret\": null}"),
                200);
        assertThat(ok(startSession(keyB, agent), 200).get("livekit_url").asText()).as("back on the operator's")
                .isEqualTo(liveKit.wsUrl());
    }

    @Test
    void withoutLiveKitConfigured_theAnswerSaysWhatToConfigure() {
        try (TestServer bare = TestServer.start()) {
            String agent = TestServer.json(bare.post("/v1/agents", TestServer.KEY, "{\"name\": \"V\","
                    + " \"architecture\": \"pipeline\", \"livekitAgentName\": \"w\"}")).get("id").asText();
            HttpResponse<String> response = bare.post("/v1/voice/sessions", TestServer.KEY,
                    "{\"agent_id\": \"" + agent + "\"}");
            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(TestServer.json(response).get("error").asText()).contains("ZELTO_LIVEKIT_URL",
                    "/v1/integrations/livekit");
        }
    }

    @Test
    void sessions_areListedNewestFirst_endedByDelete_andLimitedPerOrganization() {
        String agent = voiceAgent(keyB);
        java.util.List<String> rooms = new java.util.ArrayList<>();
        while (rooms.size() < MAX_OPEN) {
            HttpResponse<String> started = startSession(keyB, agent);
            if (started.statusCode() == 429) {
                break; // sessions of other tests of org B count too
            }
            rooms.add(ok(started, 200).get("room_name").asText());
        }
        JsonNode refused = ok(startSession(keyB, agent), 429);
        assertThat(refused.get("error").asText()).contains(String.valueOf(MAX_OPEN));

        JsonNode page = ok(send("GET", "/v1/voice/sessions?limit=1&agent_id=" + agent, keyB, null), 200);
        assertThat(page.get("data")).hasSize(1);
        assertThat(page.get("data").get(0).get("room_name").asText()).isEqualTo(rooms.get(rooms.size() - 1));
        JsonNode next = ok(send("GET", "/v1/voice/sessions?limit=1&agent_id=" + agent + "&cursor="
                + page.get("next_cursor").asText(), keyB, null), 200);
        assertThat(next.get("data").get(0).get("room_name").asText()).isEqualTo(rooms.get(rooms.size() - 2));
        assertThat(send("GET", "/v1/voice/sessions?colour=blue", keyB, null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/v1/voice/sessions?cursor=garbage", keyB, null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/v1/voice/sessions/" + rooms.get(0), TestServer.KEY, null).statusCode())
                .as("another org's session").isEqualTo(404);

        for (String room : rooms) {
            JsonNode ended = ok(send("DELETE", "/v1/voice/sessions/" + room, keyB, null), 200);
            assertThat(ended.get("status").asText()).isEqualTo("ended");
            assertThat(ended.get("ended_at").isNull()).isFalse();
            assertThat(liveKit.rooms()).doesNotContain(room);
        }
        String endedAt = ok(send("GET", "/v1/voice/sessions/" + rooms.get(0), keyB, null), 200).get("ended_at")
                .asText();
        assertThat(ok(send("DELETE", "/v1/voice/sessions/" + rooms.get(0), keyB, null), 200).get("ended_at")
                .asText()).as("idempotent").isEqualTo(endedAt);
        assertThat(send("DELETE", "/v1/voice/sessions/agent_none", keyB, null).statusCode()).isEqualTo(404);
        assertThat(startSession(keyB, agent).statusCode()).as("room again once ended").isEqualTo(200);
    }

    @Test
    void webhooks_areVerifiedAsLiveKitSignsThem_andMoveTheSessionAlong() {
        String agent = voiceAgent(TestServer.KEY);
        String room = ok(startSession(TestServer.KEY, agent), 200).get("room_name").asText();
        String started = roomEvent("room_started", "EV_started_" + room.hashCode(), room);
        byte[] bytes = started.getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.now();

        assertThat(webhook(started, null).statusCode()).isEqualTo(401);
        assertThat(webhook(started, LiveKitWebhookSigner.sign(bytes, FakeLiveKitServer.API_KEY, "wrong-secret-wrong",
                now)).statusCode()).as("wrong secret").isEqualTo(401);
        assertThat(webhook(started, LiveKitWebhookSigner.sign(bytes, FakeLiveKitServer.API_KEY,
                FakeLiveKitServer.API_SECRET, now.minusSeconds(600))).statusCode()).as("stale").isEqualTo(401);
        assertThat(webhook(started.replace("room_started", "room_finished"), LiveKitWebhookSigner.sign(bytes,
                FakeLiveKitServer.API_KEY, FakeLiveKitServer.API_SECRET, now)).statusCode()).as("changed body")
                .isEqualTo(401);
        assertThat(webhook(started, "Bearer " + LiveKitWebhookSigner.sign(bytes, FakeLiveKitServer.API_KEY,
                FakeLiveKitServer.API_SECRET, now)).statusCode()).as("Bearer prefix").isEqualTo(401);
        assertThat(server.getJson("/v1/voice/sessions/" + room).get("status").asText()).isEqualTo("created");

        HttpResponse<String> early = webhook(started, LiveKitWebhookSigner.sign(bytes, FakeLiveKitServer.API_KEY,
                FakeLiveKitServer.API_SECRET, now.plusSeconds(30)));
        assertThat(ok(early, 200).get("received").asBoolean()).as("a sender clock 30 s ahead").isTrue();
        JsonNode active = server.getJson("/v1/voice/sessions/" + room);
        assertThat(active.get("status").asText()).isEqualTo("active");
        assertThat(active.get("started_at").isNull()).isFalse();

        String finished = roomEvent("room_finished", "EV_finished_" + room.hashCode(), room);
        ok(signedWebhook(finished), 200);
        JsonNode ended = server.getJson("/v1/voice/sessions/" + room);
        assertThat(ended.get("status").asText()).isEqualTo("ended");
        ok(signedWebhook(started), 200);
        assertThat(server.getJson("/v1/voice/sessions/" + room).get("status").asText())
                .as("the same room_started again changes nothing").isEqualTo("ended");
        ok(signedWebhook(roomEvent("participant_joined", "EV_other", room)), 200);
        ok(signedWebhook(roomEvent("room_started", "EV_elsewhere", "not-a-zelto-room")), 200);
        assertThat(signedWebhook("{\"event\": ").statusCode()).as("signed, but not an event").isEqualTo(400);
    }

    @Test
    void aRecordingBeforeTheTranscript_mergesIntoOneConversationOnTheSessionsAgent_chargedOnce() throws Exception {
        String agent = voiceAgent(TestServer.KEY);
        String room = ok(startSession(TestServer.KEY, agent), 200).get("room_name").asText();
        long balanceBefore = server.getJson("/v1/credits").get("balance").asLong();
        try (SourceServer source = new SourceServer().serve("/early.wav", TestAudio.wav(1.0))) {
            String egress = "{\"event\":\"egress_ended\",\"id\":\"EV_early_" + room.hashCode() + "\","
                    + "\"egressInfo\":{\"egressId\":\"EG_2\",\"roomName\":\"" + room + "\","
                    + "\"status\":\"EGRESS_COMPLETE\",\"fileResults\":[{\"location\":\""
                    + source.url("/early.wav") + "\"}]}}";
            ok(signedWebhook(egress), 200);
            String conversationId = null;
            for (int i = 0; i < 400 && conversationId == null; i++) {
                JsonNode found = server.getJson("/v1/conversations?externalId=" + room).get("data");
                conversationId = found.isEmpty() ? null : found.get(0).get("id").asText();
                TestServer.sleep(25);
            }
            assertThat(conversationId).as("the recording alone made the conversation").isNotNull();

            String forwarded = "{\"call\": {\"externalId\": \"" + room + "\", \"durationSeconds\": 61},"
                    + " \"agent\": {\"externalId\": \"worker-says-so\"}, \"transcript\": {\"turns\": ["
                    + "{\"role\": \"user\", \"text\": \"Hello?\"}]}}";
            assertThat(server.uploadAndProcess(forwarded, "X-Zelto-Provider", "livekit", "Content-Type",
                    "application/json").get("conversationId").asText()).isEqualTo(conversationId);
            JsonNode conversation = server.getJson("/v1/conversations/" + conversationId);
            assertThat(conversation.get("agent").get("id").asText()).isEqualTo(agent);
            assertThat(conversation.get("transcript").get("turns")).hasSize(1);
            assertThat(conversation.get("recording").get("status").asText()).isIn("pending", "stored");
            assertThat(server.getJson("/v1/conversations?externalId=" + room).get("data")).hasSize(1);
        }
        assertThat(balanceBefore - server.getJson("/v1/credits").get("balance").asLong())
                .as("one charge, for the 61 s the transcript reported").isEqualTo(2 * CREDITS_PER_STARTED_MINUTE);
    }

    @Test
    void livekitsHookUrlForForwardingStillWorks_besideLiveKitsOwnWebhook() {
        String url = ok(send("POST", "/v1/integrations/livekit/hook", TestServer.KEY, null), 200).get("url").asText();
        HttpResponse<String> forwarded = server.post(url, null, CanonicalBodies.withTranscript("via-hook", "hooked"));
        assertThat(ok(forwarded, 200).get("received").asBoolean()).isTrue();
    }

    @Test
    void theLoopCloses_transcriptRecordingAndRoomLandOnTheSessionsAgent_chargedOnce() throws Exception {
        String agent = voiceAgent(TestServer.KEY);
        String room = ok(startSession(TestServer.KEY, agent), 200).get("room_name").asText();
        long balanceBefore = server.getJson("/v1/credits").get("balance").asLong();
        ok(signedWebhook(roomEvent("room_started", "EV_loop_start_" + room.hashCode(), room)), 200);

        String forwarded = "{\"call\": {\"externalId\": \"" + room + "\", \"startedAt\": \"2026-12-02T10:00:05Z\","
                + " \"endedAt\": \"2026-12-02T10:01:35Z\", \"durationSeconds\": 90,"
                + " \"endedReason\": \"participant_disconnected\"},"
                + " \"agent\": {\"externalId\": \"whatever-the-worker-calls-it\", \"name\": \"Worker name\"},"
                + " \"systemPrompt\": \"Be kind.\", \"transcript\": {\"turns\": ["
                + "{\"role\": \"assistant\", \"text\": \"Hi, how can I help?\", \"startSeconds\": 0.9,"
                + " \"endSeconds\": 2.6}, {\"role\": \"user\", \"text\": \"My order has not arrived.\","
                + " \"startSeconds\": 4.1, \"endSeconds\": 5.8}]}}";
        JsonNode delivery = server.uploadAndProcess(forwarded, "X-Zelto-Provider", "livekit",
                "Content-Type", "application/json");
        String conversationId = delivery.get("conversationId").asText();

        try (SourceServer source = new SourceServer().serve("/egress/" + room + ".wav", TestAudio.wav(1.0))) {
            String egress = "{\"event\":\"egress_ended\",\"id\":\"EV_egress_" + room.hashCode() + "\","
                    + "\"createdAt\":\"" + Instant.now().getEpochSecond() + "\",\"egressInfo\":{\"egressId\":\"EG_1\","
                    + "\"roomName\":\"" + room + "\",\"status\":\"EGRESS_COMPLETE\",\"fileResults\":[{\"filename\":"
                    + "\"r.wav\",\"location\":\"" + source.url("/egress/" + room + ".wav") + "\"}]}}";
            ok(signedWebhook(egress), 200);
            ok(signedWebhook(egress), 200);
            ok(signedWebhook(roomEvent("room_finished", "EV_loop_end_" + room.hashCode(), room)), 200);
            JsonNode conversation = null;
            for (int i = 0; i < 400; i++) {
                conversation = server.getJson("/v1/conversations/" + conversationId);
                if (conversation.get("recording") != null && conversation.get("recording").has("status")
                        && conversation.get("recording").get("status").asText().equals("stored")) {
                    break;
                }
                TestServer.sleep(25);
            }
            assertThat(conversation.get("recording").get("status").asText()).isEqualTo("stored");
            assertThat(conversation.get("agent").get("id").asText()).isEqualTo(agent);
            assertThat(conversation.get("transcript").get("turns")).hasSize(2);
            assertThat(source.requests.get()).as("the duplicate egress event fetched nothing more").isEqualTo(1);
        }
        JsonNode conversations = server.getJson("/v1/conversations?agentId=" + agent);
        assertThat(conversations.get("data")).hasSize(1);
        JsonNode session = server.getJson("/v1/voice/sessions/" + room);
        assertThat(session.get("status").asText()).isEqualTo("ended");
        assertThat(session.get("conversation_id").asText()).isEqualTo(conversationId);
        long charged = balanceBefore - server.getJson("/v1/credits").get("balance").asLong();
        assertThat(charged).as("one charge, for two started minutes").isEqualTo(2 * CREDITS_PER_STARTED_MINUTE);
        assertThat(server.getJson("/v1/agents").get("data").findValues("externalId").stream().map(JsonNode::asText))
                .as("no agent made from the worker's external id").doesNotContain("whatever-the-worker-calls-it");
    }
}
