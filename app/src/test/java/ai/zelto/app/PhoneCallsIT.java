package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.adapters.livekit.FakeLiveKitServer;
import ai.zelto.adapters.livekit.LiveKitWebhookSigner;
import ai.zelto.adapters.telephony.FakeMetaGraph;
import ai.zelto.adapters.telephony.FakeTwilioServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import livekit.LivekitConnectorTwilio;
import livekit.LivekitConnectorWhatsapp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Phone calls end to end: WhatsApp and Twilio settings and hooks, Meta's and Twilio's webhooks signed as they
 * sign them (here, independently of Zelto's code), LiveKit's Connector on the fake LiveKit server, Meta's Graph API
 * and Twilio's REST API on fakes of their own; each flow, every refusal, and the loop from room to conversation.
 */
class PhoneCallsIT {
    private static final String PUBLIC_URL = "https://zelto.example.com";
    private static final String APP_SECRET = "meta-app-secret-for-tests";
    private static final String META_TOKEN = "EAAGmetaAccessTokenForTests";
    private static final String NUMBER_ID = "106540352242922";
    private static final String BUSINESS = "16315553601";
    private static final String ACCOUNT = "AC" + "0123456789abcdef0123456789abcdef";
    private static final String AUTH_TOKEN = "twilio-auth-token-for-tests";
    private static final String TWILIO_NUMBER = "+15557654321";
    private static final String SDP_OFFER = "v=0\r\no=- 1760681506762 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
            + "a=ice-lite\r\nm=audio 3484 UDP/TLS/RTP/SAVPF 111 126\r\na=rtpmap:111 opus/48000/2\r\n";
    private static final String SDP_ANSWER = SDP_OFFER.replace("1760681506762", "1760681599999");

    private static FakeLiveKitServer liveKit;
    private static FakeMetaGraph meta;
    private static FakeTwilioServer twilio;
    private static TestServer server;
    private static String agent;
    private static String whatsAppHook;
    private static String verifyToken;
    private static String twilioHook;
    private static String keyB;
    private static String keyPoor;
    private static String poorWhatsAppHook;
    private static int counter;

    @BeforeAll
    static void start() throws Exception {
        liveKit = new FakeLiveKitServer();
        meta = new FakeMetaGraph();
        twilio = new FakeTwilioServer();
        twilio.account(ACCOUNT, AUTH_TOKEN);
        server = TestServer.start(Map.of("ZELTO_LIVEKIT_URL", liveKit.wsUrl(),
                "ZELTO_LIVEKIT_API_KEY", FakeLiveKitServer.API_KEY,
                "ZELTO_LIVEKIT_API_SECRET", FakeLiveKitServer.API_SECRET,
                "ZELTO_WHATSAPP_GRAPH_URL", meta.url(),
                "ZELTO_TWILIO_API_URL", twilio.url(),
                "ZELTO_PUBLIC_URL", PUBLIC_URL));
        try (JdbiHarness harness = new JdbiHarness(server.database)) {
            keyB = harness.organizationKey("B");
            keyPoor = harness.spentOrganizationKey("Poor");
        }
        agent = voiceAgent(TestServer.KEY);
        ok(put("/v1/integrations/whatsapp", TestServer.KEY, "{\"phoneNumberId\": \"" + NUMBER_ID + "\","
                + " \"accessToken\": \"" + META_TOKEN + "\", \"appSecret\": \"" + APP_SECRET + "\","
                + " \"inboundAgentId\": \"" + agent + "\"}"), 200);
        JsonNode hook = ok(server.post("/v1/integrations/whatsapp/hook", TestServer.KEY, ""), 200);
        whatsAppHook = local(hook.get("url").asText());
        verifyToken = hook.get("verifyToken").asText();
        ok(put("/v1/integrations/twilio", TestServer.KEY, "{\"accountSid\": \"" + ACCOUNT + "\", \"authToken\": \""
                + AUTH_TOKEN + "\", \"phoneNumber\": \"" + TWILIO_NUMBER + "\", \"inboundAgentId\": \"" + agent
                + "\"}"), 200);
        twilioHook = local(ok(server.post("/v1/integrations/twilio/hook", TestServer.KEY, ""), 200).get("url")
                .asText());
        String poorAgent = voiceAgent(keyPoor);
        ok(put("/v1/integrations/whatsapp", keyPoor, "{\"phoneNumberId\": \"" + NUMBER_ID + "\", \"accessToken\":"
                + " \"x-token\", \"appSecret\": \"" + APP_SECRET + "\", \"inboundAgentId\": \"" + poorAgent + "\"}"), 200);
        poorWhatsAppHook = local(ok(server.post("/v1/integrations/whatsapp/hook", keyPoor, ""), 200).get("url")
                .asText());
    }

    @AfterAll
    static void stop() {
        server.close();
        liveKit.close();
        meta.close();
        twilio.close();
    }

    @BeforeEach
    void clear() {
        liveKit.clear();
        meta.clear();
        twilio.clear();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static String local(String url) {
        assertThat(url).startsWith(PUBLIC_URL + "/webhooks/");
        return url.substring(PUBLIC_URL.length());
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

    private static HttpResponse<String> put(String path, String key, String body) {
        return send("PUT", path, key, body);
    }

    private static JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return TestServer.json(response);
    }

    private static String voiceAgent(String key) {
        return ok(send("POST", "/v1/agents", key, "{\"name\": \"Phone desk\", \"architecture\": \"pipeline\","
                + " \"livekitAgentName\": \"phone-worker\"}"), 201).get("id").asText();
    }

    private static HttpResponse<String> dial(String key, String channel, String agentId, String to) {
        return send("POST", "/v1/phone/calls", key, "{\"channel\": \"" + channel + "\", \"agent_id\": \"" + agentId
                + "\", \"to\": \"" + to + "\"}");
    }

    private static JsonNode call(String id) {
        return server.getJson("/v1/phone/calls/" + id);
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never: " + what);
            }
            TestServer.sleep(25);
        }
    }

    private static JsonNode awaitStatus(String id, String status) {
        await("call " + id + " " + status, () -> call(id).get("status").asText().equals(status));
        return call(id);
    }

    /** The call of this org's list with this provider-side room, once it exists. */
    private static JsonNode awaitCallFrom(String from) {
        JsonNode[] found = new JsonNode[1];
        await("a call from " + from, () -> {
            for (JsonNode row : server.getJson("/v1/phone/calls?limit=200").get("data")) {
                if (from.equals(row.get("from").asText(null))) {
                    found[0] = row;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static String metaSign(byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static HttpResponse<String> metaPost(String hook, String body, String secret) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(hook)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).header("Content-Type", "application/json");
        if (secret != null) {
            request.header("X-Hub-Signature-256", metaSign(bytes, secret));
        }
        return server.send(request.build());
    }

    private static String callsWebhook(String inner) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"553133154547046\",\"changes\":[{"
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"" + BUSINESS
                + "\",\"phone_number_id\":\"" + NUMBER_ID + "\"}," + inner + "},\"field\":\"calls\"}]}]}";
    }

    private static String userConnect(String callId, String person, String name) {
        return callsWebhook("\"contacts\":[{\"profile\":{\"name\":\"" + name + "\"},\"wa_id\":\"" + person + "\"}],"
                + "\"calls\":[{\"id\":\"" + callId + "\",\"from\":\"" + person + "\",\"to\":\"" + BUSINESS + "\","
                + "\"event\":\"connect\",\"timestamp\":\"" + Instant.now().getEpochSecond() + "\","
                + "\"direction\":\"USER_INITIATED\",\"session\":{\"sdp\":" + json(SDP_OFFER) + ",\"sdp_type\":\"offer\"}}]");
    }

    private static String businessConnect(String callId, String person, String callbackData) {
        return callsWebhook("\"contacts\":[{\"wa_id\":\"" + person + "\"}],\"calls\":[{"
                + (callbackData == null ? "" : "\"biz_opaque_callback_data\":\"" + callbackData + "\",")
                + "\"id\":\"" + callId + "\",\"from\":\"" + BUSINESS + "\",\"to\":\"" + person + "\","
                + "\"event\":\"connect\",\"timestamp\":\"" + Instant.now().getEpochSecond() + "\","
                + "\"direction\":\"BUSINESS_INITIATED\",\"session\":{\"sdp_type\":\"answer\",\"sdp\":" + json(SDP_ANSWER)
                + "}}]");
    }

    private static String terminate(String callId, String person, String direction, String status, int duration) {
        long now = Instant.now().getEpochSecond();
        return callsWebhook("\"calls\":[{\"id\":\"" + callId + "\",\"from\":\"" + person + "\",\"to\":\"" + BUSINESS
                + "\",\"event\":\"terminate\",\"timestamp\":\"" + now + "\",\"direction\":\"" + direction + "\","
                + "\"start_time\":\"" + (now - duration) + "\",\"end_time\":\"" + now + "\",\"duration\":" + duration
                + ",\"status\":\"" + status + "\"" + (status.equals("FAILED") ? ",\"errors\":[{\"code\":138021,"
                + "\"title\":\"WhatsApp client terminated the call due to not receiving any media for a long time.\"}]"
                : "") + "}]");
    }

    private static String json(String text) {
        try {
            return TestServer.JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized String nextId(String prefix) {
        return prefix + (++counter) + "_" + System.nanoTime();
    }

    /** Twilio's signature of a request: the URL, then every parameter's name and value sorted by name. */
    private static String twilioSign(String url, Map<String, String> params, String token) throws Exception {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> signed.append(name).append(value));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Posts a form as Twilio does to {@code path}, signed for the URL Twilio requested ({@code signedUrl}). */
    private static HttpResponse<String> twilioPost(String path, String signedUrl, Map<String, String> params,
                                                   String token) throws Exception {
        List<String> pairs = new ArrayList<>();
        params.forEach((name, value) -> pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return server.send(HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", twilioSign(signedUrl, params, token))
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))).build());
    }

    private static Map<String, String> voiceParams(String sid, String from, String direction) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", ACCOUNT);
        params.put("ApiVersion", "2010-04-01");
        params.put("CallSid", sid);
        params.put("CallStatus", "ringing");
        params.put("Called", TWILIO_NUMBER);
        params.put("Caller", from);
        params.put("Direction", direction);
        params.put("From", from);
        params.put("FromCity", "SÃO PAULO & Co");
        params.put("To", TWILIO_NUMBER);
        return params;
    }

    private static String callSid() {
        return "CA" + String.format("%032x", System.nanoTime());
    }

    // ---- settings and hooks --------------------------------------------------------------------------------

    @Test
    void settings_areCheckedTogether_secretsHinted_andHooksAnswerWhatEachSideNeeds() {
        HttpResponse<String> partial = put("/v1/integrations/whatsapp", keyB, "{\"phoneNumberId\": \"123\"}");
        assertThat(partial.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(partial).get("details").has("accessToken")).isTrue();
        HttpResponse<String> number = put("/v1/integrations/whatsapp", keyB, "{\"phoneNumberId\": \"+1 631 555\","
                + " \"accessToken\": \"t\", \"appSecret\": \"s\"}");
        assertThat(TestServer.json(number).get("details").get("phoneNumberId").asText()).contains("Phone number ID");
        String text = ok(send("POST", "/v1/agents", keyB, "{\"name\": \"Texter\", \"architecture\": \"text\"}"), 201)
                .get("id").asText();
        HttpResponse<String> textAgent = put("/v1/integrations/twilio", keyB, "{\"accountSid\": \"" + ACCOUNT + "\","
                + " \"authToken\": \"t\", \"inboundAgentId\": \"" + text + "\"}");
        assertThat(TestServer.json(textAgent).get("details").get("inboundAgentId").asText()).contains("text agent");
        HttpResponse<String> othersAgent = put("/v1/integrations/twilio", keyB, "{\"accountSid\": \"" + ACCOUNT
                + "\", \"authToken\": \"t\", \"inboundAgentId\": \"" + agent + "\"}");
        assertThat(othersAgent.statusCode()).as("another organization's agent").isEqualTo(400);
        HttpResponse<String> sid = put("/v1/integrations/twilio", keyB, "{\"accountSid\": \"SK123\","
                + " \"authToken\": \"t\", \"phoneNumber\": \"5551234\"}");
        assertThat(TestServer.json(sid).get("details").fieldNames()).toIterable()
                .contains("accountSid", "phoneNumber");

        JsonNode twilioCard = null;
        JsonNode whatsAppCard = null;
        for (JsonNode entry : server.getJson("/v1/integrations").get("data")) {
            if (entry.get("provider").asText().equals("twilio")) {
                twilioCard = entry;
            } else if (entry.get("provider").asText().equals("whatsapp")) {
                whatsAppCard = entry;
            }
        }
        assertThat(twilioCard.get("settings").get("authToken").get("hint").asText()).isEqualTo("…ests")
                .doesNotContain(AUTH_TOKEN);
        assertThat(twilioCard.get("settings").get("accountSid").get("hint").asText()).isEqualTo(ACCOUNT);
        assertThat(whatsAppCard.get("hookUrl").asText()).isEqualTo(PUBLIC_URL + whatsAppHook);
        assertThat(whatsAppCard.get("hookDetails").get("verifyToken").asText()).isEqualTo(verifyToken);
        assertThat(whatsAppCard.toString()).doesNotContain(APP_SECRET).doesNotContain(META_TOKEN);
        JsonNode audit = server.getJson("/v1/audit?limit=200");
        assertThat(audit.toString()).contains("integration:whatsapp").contains("integration:twilio")
                .doesNotContain(APP_SECRET).doesNotContain(AUTH_TOKEN);
    }

    @Test
    void metasHandshake_echoesTheRawChallenge_onlyForTheHooksVerifyToken() {
        String query = "?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=";
        HttpResponse<String> right = server.get(whatsAppHook + query + verifyToken, null);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).isEqualTo("1158201444");
        assertThat(right.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(server.get(whatsAppHook + query + "guess", null).statusCode()).isEqualTo(403);
        assertThat(server.get(whatsAppHook + "?hub.mode=unsubscribe&hub.challenge=1&hub.verify_token=" + verifyToken,
                null).statusCode()).isEqualTo(403);
        assertThat(server.get("/webhooks/whatsapp/zh_unknown" + query + verifyToken, null).statusCode())
                .isEqualTo(403);
        assertThat(server.get(poorWhatsAppHook + query + verifyToken, null).statusCode())
                .as("another organization's hook has its own verify token").isEqualTo(403);
    }

    // ---- WhatsApp, a person calls -------------------------------------------------------------------------

    @Test
    void whatsAppInbound_acceptedWithTheInboundAgent_terminatedAndDisconnected_thenItsConversation()
            throws Exception {
        String callId = nextId("wacid.HBgMOTE3MzU4NTgwMTgwFQIAEhgg") + "==";
        String person = "9173585" + String.format("%05d", counter);
        long balanceBefore = server.getJson("/v1/credits").get("balance").asLong();
        String body = userConnect(callId, person, "José Pérez");
        long sent = System.nanoTime();
        HttpResponse<String> answer = metaPost(whatsAppHook, body, APP_SECRET);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(3));

        await("LiveKit accepted the call", () -> !liveKit.requests("AcceptWhatsAppCall").isEmpty());
        JsonNode call = awaitCallFrom("+" + person);
        String id = call.get("id").asText();
        LivekitConnectorWhatsapp.AcceptWhatsAppCallRequest accept = (LivekitConnectorWhatsapp.AcceptWhatsAppCallRequest)
                liveKit.requests("AcceptWhatsAppCall").get(0).body();
        assertThat(accept.getWhatsappCallId()).isEqualTo(callId);
        assertThat(accept.getWhatsappPhoneNumberId()).isEqualTo(NUMBER_ID);
        assertThat(accept.getWhatsappApiKey()).isEqualTo(META_TOKEN);
        assertThat(accept.getWhatsappCloudApiVersion()).isEqualTo("23.0");
        assertThat(accept.getSdp().getType()).isEqualTo("offer");
        assertThat(accept.getSdp().getSdp()).isEqualTo(SDP_OFFER);
        assertThat(accept.getRoomName()).isEqualTo("call_" + id).isEqualTo(call.get("room_name").asText());
        assertThat(accept.getParticipantName()).isEqualTo("José Pérez");
        assertThat(accept.getAgents(0).getAgentName()).isEqualTo("phone-worker");
        JsonNode metadata = TestServer.JSON.readTree(accept.getAgents(0).getMetadata());
        assertThat(metadata.get("agent_id").asText()).isEqualTo(agent);
        assertThat(metadata.get("phone_call_id").asText()).isEqualTo(id);
        assertThat(metadata.get("org_id").asText()).isNotBlank();
        assertThat(liveKit.requests("AcceptWhatsAppCall").get(0).video()).containsEntry("roomCreate", true);

        call = awaitStatus(id, "connected");
        assertThat(call.get("channel").asText()).isEqualTo("whatsapp");
        assertThat(call.get("direction").asText()).isEqualTo("inbound");
        assertThat(call.get("to").asText()).isEqualTo("+" + BUSINESS);
        assertThat(call.get("agent_id").asText()).isEqualTo(agent);
        assertThat(call.get("connected_at").isNull()).isFalse();

        assertThat(metaPost(whatsAppHook, body, APP_SECRET).statusCode()).as("Meta's retry").isEqualTo(200);
        ok(metaPost(whatsAppHook, terminate(callId, person, "USER_INITIATED", "COMPLETED", 42), APP_SECRET), 200);
        call = awaitStatus(id, "ended");
        assertThat(call.get("duration_seconds").asInt()).isEqualTo(42);
        assertThat(liveKit.requests("AcceptWhatsAppCall")).as("a retried connect is not accepted twice").hasSize(1);
        List<FakeLiveKitServer.Request> disconnects = liveKit.requests("DisconnectWhatsAppCall");
        assertThat(disconnects).hasSize(1);
        LivekitConnectorWhatsapp.DisconnectWhatsAppCallRequest disconnect =
                (LivekitConnectorWhatsapp.DisconnectWhatsAppCallRequest) disconnects.get(0).body();
        assertThat(disconnect.getWhatsappCallId()).isEqualTo(callId);
        assertThat(disconnect.getDisconnectReason()).isEqualTo(
                LivekitConnectorWhatsapp.DisconnectWhatsAppCallRequest.DisconnectReason.USER_INITIATED);
        ok(metaPost(whatsAppHook, terminate(callId, person, "USER_INITIATED", "COMPLETED", 42), APP_SECRET), 200);

        String room = call.get("room_name").asText();
        String forwarded = "{\"call\": {\"externalId\": \"" + room + "\", \"durationSeconds\": 42},"
                + " \"agent\": {\"externalId\": \"phone-worker\"}, \"transcript\": {\"turns\": ["
                + "{\"role\": \"assistant\", \"text\": \"Hello, this is the phone desk.\"},"
                + " {\"role\": \"user\", \"text\": \"Hi, I am calling about my order.\"}]}}";
        JsonNode delivery = server.uploadAndProcess(forwarded, "X-Zelto-Provider", "livekit",
                "Content-Type", "application/json");
        assertThat(delivery.get("status").asText()).isEqualTo("processed");
        JsonNode conversation = server.getJson("/v1/conversations/" + delivery.get("conversationId").asText());
        assertThat(conversation.get("agent").get("id").asText()).isEqualTo(agent);
        assertThat(conversation.get("customer").get("number").asText()).isEqualTo("+" + person);
        assertThat(call(id).get("conversation_id").asText()).isEqualTo(delivery.get("conversationId").asText());
        server.uploadAndProcess(forwarded, "X-Zelto-Provider", "livekit", "Content-Type", "application/json");
        assertThat(balanceBefore - server.getJson("/v1/credits").get("balance").asLong())
                .as("charged once, for 42 s").isEqualTo(1);
        assertThat(liveKit.requests("DisconnectWhatsAppCall")).as("a retried terminate does nothing").hasSize(1);
    }

    @Test
    void whatsAppWebhooks_withoutTheRightSignature_are401_andNothingIsDone() throws Exception {
        String callId = nextId("wacid.unsigned") + "=";
        String body = userConnect(callId, "15550000001", "Mallory");
        assertThat(metaPost(whatsAppHook, body, null).statusCode()).isEqualTo(401);
        assertThat(metaPost(whatsAppHook, body, "another-secret").statusCode()).isEqualTo(401);
        assertThat(metaPost("/webhooks/whatsapp/zh_nothere", body, APP_SECRET).statusCode()).isEqualTo(401);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> tampered = server.send(HttpRequest.newBuilder(server.uri(whatsAppHook))
                .header("X-Hub-Signature-256", metaSign(bytes, APP_SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(body.replace("Mallory", "Mallorx"))).build());
        assertThat(tampered.statusCode()).isEqualTo(401);
        HttpResponse<String> notJson = metaPost(whatsAppHook, "{\"object\": [", APP_SECRET);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(notJson).get("error").asText()).isEqualTo("Invalid JSON");
        TestServer.sleep(300);
        assertThat(liveKit.requests()).isEmpty();
        assertThat(meta.requests()).isEmpty();
        assertThat(server.getJson("/v1/phone/calls?limit=200").toString()).doesNotContain("15550000001");

        String escaped = userConnect(nextId("wacid.escaped") + "=", "15550000002", "Jos\\u00e9");
        ok(metaPost(whatsAppHook, escaped, APP_SECRET), 200);
        await("the escaped body was acted on", () -> !liveKit.requests("AcceptWhatsAppCall").isEmpty());
        assertThat(((LivekitConnectorWhatsapp.AcceptWhatsAppCallRequest) liveKit.requests("AcceptWhatsAppCall").get(0)
                .body()).getParticipantName()).isEqualTo("José");
    }

    @Test
    void whatsAppInbound_withNoCreditsOrNoInboundAgent_isRefusedThroughMeta_neverLeftRinging() throws Exception {
        String poorCall = nextId("wacid.poor") + "=";
        ok(metaPost(poorWhatsAppHook, userConnect(poorCall, "15550000003", "Poor caller"), APP_SECRET), 200);
        await("Meta was told to reject", () -> meta.requests().size() == 1);
        FakeMetaGraph.Request reject = meta.requests().get(0);
        assertThat(reject.path()).isEqualTo("/v23.0/" + NUMBER_ID + "/calls");
        assertThat(reject.authorization()).isEqualTo("Bearer x-token");
        JsonNode rejectBody = TestServer.JSON.readTree(reject.body());
        assertThat(rejectBody.get("action").asText()).isEqualTo("reject");
        assertThat(rejectBody.get("call_id").asText()).isEqualTo(poorCall);
        assertThat(rejectBody.get("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(liveKit.requests("AcceptWhatsAppCall")).isEmpty();
        await("the call is rejected", () -> ok(send("GET", "/v1/phone/calls?status=rejected", keyPoor, null), 200)
                .get("data").size() == 1);
        JsonNode poorList = ok(send("GET", "/v1/phone/calls?status=rejected", keyPoor, null), 200);
        assertThat(poorList.get("data").get(0).get("reason").asText()).isEqualTo("Insufficient credits");
        assertThat(poorList.get("data").get(0).get("from").asText()).isEqualTo("+15550000003");

        ok(put("/v1/integrations/whatsapp", TestServer.KEY, "{\"inboundAgentId\": null}"), 200);
        try {
            meta.clear();
            String unanswered = nextId("wacid.noagent") + "=";
            ok(metaPost(whatsAppHook, userConnect(unanswered, "15550000004", "Nobody's"), APP_SECRET), 200);
            await("Meta was told to reject", () -> meta.requests().size() == 1);
            JsonNode refused = awaitStatus(awaitCallFrom("+15550000004").get("id").asText(), "rejected");
            assertThat(refused.get("reason").asText()).contains("no inbound agent");
            assertThat(liveKit.requests("AcceptWhatsAppCall")).isEmpty();
        } finally {
            ok(put("/v1/integrations/whatsapp", TestServer.KEY, "{\"inboundAgentId\": \"" + agent + "\"}"), 200);
        }
    }

    @Test
    void whatsAppInbound_whenLiveKitRefuses_isRefusedThroughMeta_andFailedWithLiveKitsWords() throws Exception {
        liveKit.failMethod("AcceptWhatsAppCall", 400, "failed_precondition", "whatsapp connector is not enabled");
        ok(metaPost(whatsAppHook, userConnect(nextId("wacid.lkfail") + "=", "15550000005", "Unlucky"), APP_SECRET),
                200);
        JsonNode failed = awaitStatus(awaitCallFrom("+15550000005").get("id").asText(), "failed");
        assertThat(failed.get("reason").asText()).contains("whatsapp connector is not enabled");
        await("Meta was told to reject", () -> meta.requests().size() == 1);
    }

    // ---- WhatsApp, the business calls ---------------------------------------------------------------------

    @Test
    void whatsAppOutbound_dialled_answeredWithMetasSdp_connected_hungUp_andTheTerminateNeedsNothingMore()
            throws Exception {
        String callId = nextId("wacid.out") + "=";
        liveKit.nextWhatsAppCallId(callId);
        HttpResponse<String> placed = dial(TestServer.KEY, "whatsapp", agent, "+1 631 555 0100");
        JsonNode call = ok(placed, 201);
        String id = call.get("id").asText();
        assertThat(call.get("channel").asText()).isEqualTo("whatsapp");
        assertThat(call.get("direction").asText()).isEqualTo("outbound");
        assertThat(call.get("status").asText()).isEqualTo("dialing");
        assertThat(call.get("to").asText()).isEqualTo("+16315550100");
        assertThat(call.get("room_name").asText()).isEqualTo("call_" + id);
        assertThat(call.has("from")).isTrue();
        LivekitConnectorWhatsapp.DialWhatsAppCallRequest dialled = (LivekitConnectorWhatsapp.DialWhatsAppCallRequest)
                liveKit.requests("DialWhatsAppCall").get(0).body();
        assertThat(dialled.getWhatsappToPhoneNumber()).isEqualTo("16315550100");
        assertThat(dialled.getWhatsappPhoneNumberId()).isEqualTo(NUMBER_ID);
        assertThat(dialled.getWhatsappApiKey()).isEqualTo(META_TOKEN);
        assertThat(dialled.getRoomName()).isEqualTo("call_" + id);
        assertThat(dialled.getWhatsappBizOpaqueCallbackData()).isEqualTo(id);
        assertThat(TestServer.JSON.readTree(dialled.getAgents(0).getMetadata()).get("phone_call_id").asText())
                .isEqualTo(id);
        assertThat(call.get("provider_call_id").asText()).isEqualTo(callId);

        ok(metaPost(whatsAppHook, callsWebhook("\"statuses\":[{\"id\":\"" + callId + "\",\"timestamp\":\""
                + Instant.now().getEpochSecond() + "\",\"type\":\"call\",\"status\":\"RINGING\",\"recipient_id\":"
                + "\"16315550100\"}]"), APP_SECRET), 200);
        awaitStatus(id, "ringing");
        ok(metaPost(whatsAppHook, businessConnect(callId, "16315550100", null), APP_SECRET), 200);
        await("LiveKit connected the call", () -> !liveKit.requests("ConnectWhatsAppCall").isEmpty());
        LivekitConnectorWhatsapp.ConnectWhatsAppCallRequest connect =
                (LivekitConnectorWhatsapp.ConnectWhatsAppCallRequest) liveKit.requests("ConnectWhatsAppCall").get(0)
                        .body();
        assertThat(connect.getWhatsappCallId()).isEqualTo(callId);
        assertThat(connect.getSdp().getType()).isEqualTo("answer");
        assertThat(connect.getSdp().getSdp()).isEqualTo(SDP_ANSWER);
        call = awaitStatus(id, "connected");
        assertThat(call.get("from").asText()).isEqualTo("+" + BUSINESS);

        JsonNode hungUp = ok(send("DELETE", "/v1/phone/calls/" + id, TestServer.KEY, null), 200);
        assertThat(hungUp.get("status").asText()).isEqualTo("ended");
        LivekitConnectorWhatsapp.DisconnectWhatsAppCallRequest disconnect =
                (LivekitConnectorWhatsapp.DisconnectWhatsAppCallRequest) liveKit.requests("DisconnectWhatsAppCall")
                        .get(0).body();
        assertThat(disconnect.getDisconnectReason()).isEqualTo(
                LivekitConnectorWhatsapp.DisconnectWhatsAppCallRequest.DisconnectReason.BUSINESS_INITIATED);
        assertThat(disconnect.getWhatsappApiKey()).isEqualTo(META_TOKEN);
        assertThat(ok(send("DELETE", "/v1/phone/calls/" + id, TestServer.KEY, null), 200).get("status").asText())
                .as("idempotent").isEqualTo("ended");
        ok(metaPost(whatsAppHook, terminate(callId, "16315550100", "BUSINESS_INITIATED", "COMPLETED", 12),
                APP_SECRET), 200);
        await("the terminate's duration is recorded", () -> call(id).get("duration_seconds").asInt() == 12);
        assertThat(liveKit.requests("DisconnectWhatsAppCall")).as("no second disconnect").hasSize(1);
    }

    @Test
    void whatsAppOutbound_whenMetaAnswersBeforeTheDialReturns_isConnectedByCallId() throws Exception {
        String callId = nextId("wacid.race") + "==";
        liveKit.nextWhatsAppCallId(callId);
        liveKit.holdDial(Duration.ofMillis(1500));
        CompletableFuture<HttpResponse<String>> placing = CompletableFuture.supplyAsync(
                () -> dial(TestServer.KEY, "whatsapp", agent, "+16315550101"));
        await("LiveKit is dialling", () -> !liveKit.requests("DialWhatsAppCall").isEmpty()
                || placing.isDone());
        ok(metaPost(whatsAppHook, businessConnect(callId, "16315550101", null), APP_SECRET), 200);
        String id = ok(placing.get(), 201).get("id").asText();
        awaitStatus(id, "connected");
        assertThat(liveKit.requests("ConnectWhatsAppCall")).hasSize(1);
    }

    @Test
    void whatsAppOutbound_refusedByMeta_isFailedWithMetasReasonInWords() {
        liveKit.failMethod("DialWhatsAppCall", 400, "invalid_argument",
                "whatsapp error: (#138006) No approved call permission from the recipient");
        HttpResponse<String> refused = dial(TestServer.KEY, "whatsapp", agent, "+16315550102");
        assertThat(refused.statusCode()).isEqualTo(500);
        String message = TestServer.json(refused).get("error").asText();
        assertThat(message).contains("has not given your business permission to call them").contains("138006");
        String id = message.replaceAll(".*/v1/phone/calls/([0-9a-f-]+).*", "$1");
        JsonNode failed = call(id);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("reason").asText()).contains("permission").contains("138006");
    }

    @Test
    void placingACall_refusesWhatVoiceSessionsRefuse_withTheContractsShapes() {
        String text = ok(send("POST", "/v1/agents", TestServer.KEY, "{\"name\": \"Texter\", \"architecture\":"
                + " \"text\"}"), 201).get("id").asText();
        assertThat(dial(TestServer.KEY, "whatsapp", text, "+16315550103").statusCode()).isEqualTo(400);
        assertThat(dial(keyB, "whatsapp", agent, "+16315550103").statusCode()).as("another org's agent")
                .isEqualTo(404);
        String poorAgent = voiceAgent(keyPoor);
        assertThat(dial(keyPoor, "whatsapp", poorAgent, "+16315550103").statusCode()).isEqualTo(402);
        String agentB = voiceAgent(keyB);
        HttpResponse<String> unconfigured = dial(keyB, "whatsapp", agentB, "+16315550103");
        assertThat(unconfigured.statusCode()).isEqualTo(409);
        assertThat(TestServer.json(unconfigured).get("error").asText()).contains("PUT /v1/integrations/whatsapp");
        assertThat(dial(keyB, "twilio", agentB, "+16315550103").statusCode()).isEqualTo(409);
        HttpResponse<String> bad = send("POST", "/v1/phone/calls", TestServer.KEY,
                "{\"channel\": \"sms\", \"agent_id\": \"nope\", \"to\": \"call me\", \"extra\": 1}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(bad).get("details").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("channel", "agent_id", "to", "extra");
        assertThat(send("POST", "/v1/phone/calls", TestServer.KEY, "[]").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/v1/phone/calls", null, "{}").statusCode()).isEqualTo(401);
        assertThat(liveKit.requests()).isEmpty();
    }

    // ---- Twilio --------------------------------------------------------------------------------------------

    @Test
    void twilioInbound_isAnsweredWithTwimlBridgingToLiveKit_andRefusedWhenItCannotBeAnswered() throws Exception {
        String sid = callSid();
        Map<String, String> params = voiceParams(sid, "+15551230001", "inbound");
        long sent = System.nanoTime();
        HttpResponse<String> answer = twilioPost(twilioHook, PUBLIC_URL + twilioHook, params, AUTH_TOKEN);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(5));
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        LivekitConnectorTwilio.ConnectTwilioCallRequest connect = (LivekitConnectorTwilio.ConnectTwilioCallRequest)
                liveKit.requests("ConnectTwilioCall").get(0).body();
        assertThat(connect.getTwilioCallDirection()).isEqualTo(
                LivekitConnectorTwilio.ConnectTwilioCallRequest.TwilioCallDirection.TWILIO_CALL_DIRECTION_INBOUND);
        assertThat(connect.getParticipantIdentity()).isEqualTo("+15551230001");
        String room = connect.getRoomName();
        assertThat(answer.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Connect><Stream"
                + " url=\"wss://connector.livekit.test/twilio/" + room + "/0\"/></Connect></Response>");
        JsonNode call = awaitCallFrom("+15551230001");
        assertThat(call.get("channel").asText()).isEqualTo("twilio");
        assertThat(call.get("status").asText()).isEqualTo("connected");
        assertThat(call.get("room_name").asText()).isEqualTo(room);

        String finished = "{\"event\":\"room_finished\",\"room\":{\"name\":\"" + room + "\"},\"id\":\"EV_"
                + sid + "\",\"createdAt\":\"" + Instant.now().getEpochSecond() + "\"}";
        ok(server.send(HttpRequest.newBuilder(server.uri("/webhooks/livekit")).POST(HttpRequest.BodyPublishers
                .ofString(finished)).header("Content-Type", "application/webhook+json").header("Authorization",
                LiveKitWebhookSigner.sign(finished.getBytes(StandardCharsets.UTF_8), FakeLiveKitServer.API_KEY,
                        FakeLiveKitServer.API_SECRET, Instant.now())).build()), 200);
        assertThat(call(call.get("id").asText()).get("status").asText())
                .as("a call whose room closed has ended, though Twilio sends it no status callback").isEqualTo("ended");

        Map<String, String> other = voiceParams(callSid(), "+15551230002", "inbound");
        assertThat(twilioPost(twilioHook, PUBLIC_URL + twilioHook, other, "wrong-token").statusCode()).isEqualTo(401);
        assertThat(twilioPost(twilioHook, "http://127.0.0.1" + twilioHook, other, AUTH_TOKEN).statusCode())
                .as("signed for another URL").isEqualTo(401);
        assertThat(twilioPost(twilioHook, "https://zelto.example.com:443" + twilioHook, other, AUTH_TOKEN)
                .statusCode()).as("the :443 rule").isEqualTo(200);

        ok(put("/v1/integrations/twilio", TestServer.KEY, "{\"inboundAgentId\": null}"), 200);
        try {
            HttpResponse<String> rejected = twilioPost(twilioHook, PUBLIC_URL + twilioHook,
                    voiceParams(callSid(), "+15551230003", "inbound"), AUTH_TOKEN);
            assertThat(rejected.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Reject"
                    + " reason=\"busy\"/></Response>");
            assertThat(awaitCallFrom("+15551230003").get("status").asText()).isEqualTo("rejected");
        } finally {
            ok(put("/v1/integrations/twilio", TestServer.KEY, "{\"inboundAgentId\": \"" + agent + "\"}"), 200);
        }
        liveKit.failWith(503);
        HttpResponse<String> sorry = twilioPost(twilioHook, PUBLIC_URL + twilioHook,
                voiceParams(callSid(), "+15551230004", "inbound"), AUTH_TOKEN);
        assertThat(sorry.statusCode()).isEqualTo(200);
        assertThat(sorry.body()).contains("<Say>").endsWith("<Hangup/></Response>");
        assertThat(awaitCallFrom("+15551230004").get("status").asText()).isEqualTo("failed");
    }

    @Test
    void twilioOutbound_placesTheRestCallWithTheTwiml_andStatusCallbacksOutOfOrderMoveItOnce() throws Exception {
        JsonNode placed = ok(dial(TestServer.KEY, "twilio", agent, "+15551239999"), 201);
        String id = placed.get("id").asText();
        assertThat(placed.get("from").asText()).isEqualTo(TWILIO_NUMBER);
        LivekitConnectorTwilio.ConnectTwilioCallRequest connect = (LivekitConnectorTwilio.ConnectTwilioCallRequest)
                liveKit.requests("ConnectTwilioCall").get(0).body();
        assertThat(connect.getTwilioCallDirection()).isEqualTo(
                LivekitConnectorTwilio.ConnectTwilioCallRequest.TwilioCallDirection.TWILIO_CALL_DIRECTION_OUTBOUND);
        FakeTwilioServer.Request created = twilio.created().get(0);
        assertThat(created.path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Calls.json");
        assertThat(created.first("To")).isEqualTo("+15551239999");
        assertThat(created.first("From")).isEqualTo(TWILIO_NUMBER);
        assertThat(created.first("Twiml")).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Connect>"
                + "<Stream url=\"wss://connector.livekit.test/twilio/call_" + id + "/1\"/></Connect></Response>");
        String callback = created.first("StatusCallback");
        assertThat(callback).isEqualTo(PUBLIC_URL + twilioHook + "?call=" + id);
        assertThat(created.form().get("StatusCallbackEvent"))
                .containsExactly("initiated", "ringing", "answered", "completed");
        String sid = sidOf(id);

        String callbackPath = callback.substring(PUBLIC_URL.length());
        Map<String, String> completed = status(sid, "completed", 3);
        completed.put("CallDuration", "65");
        ok200(twilioPost(callbackPath, callback, completed, AUTH_TOKEN));
        ok200(twilioPost(callbackPath, callback, status(sid, "in-progress", 2), AUTH_TOKEN));
        ok200(twilioPost(callbackPath, callback, status(sid, "ringing", 1), AUTH_TOKEN));
        ok200(twilioPost(callbackPath, callback, completed, AUTH_TOKEN));
        JsonNode call = call(id);
        assertThat(call.get("status").asText()).as("late ringing and in-progress do not reopen it").isEqualTo("ended");
        assertThat(call.get("duration_seconds").asInt()).isEqualTo(65);
        assertThat(twilioPost(callbackPath, callback, status(sid, "completed", 4), "wrong").statusCode())
                .isEqualTo(401);
        assertThat(ok(send("DELETE", "/v1/phone/calls/" + id, TestServer.KEY, null), 200).get("status").asText())
                .isEqualTo("ended");
        assertThat(twilio.updates()).as("an ended call is not hung up again").isEmpty();
    }

    private static void ok200(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String sidOf(String id) {
        String sid = call(id).get("provider_call_id").asText();
        assertThat(sid).startsWith("CA").hasSize(34);
        return sid;
    }

    private static Map<String, String> status(String sid, String status, int sequence) {
        Map<String, String> params = voiceParams(sid, TWILIO_NUMBER, "outbound-api");
        params.put("CallStatus", status);
        params.put("CallbackSource", "call-progress-events");
        params.put("SequenceNumber", String.valueOf(sequence));
        params.put("Timestamp", "Wed, 02 Dec 2026 19:00:00 +0000");
        return params;
    }

    @Test
    void twilioOutbound_hungUpWhileRinging_isCanceled_andWhenTwilioRefuses_theCallFailsWithItsWords() {
        String id = ok(dial(TestServer.KEY, "twilio", agent, "+15551238888"), 201).get("id").asText();
        String sid = sidOf(id);
        JsonNode ended = ok(send("DELETE", "/v1/phone/calls/" + id, TestServer.KEY, null), 200);
        assertThat(ended.get("status").asText()).isEqualTo("ended");
        FakeTwilioServer.Request cancel = twilio.updates().get(0);
        assertThat(cancel.path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Calls/" + sid + ".json");
        assertThat(cancel.first("Status")).isEqualTo("canceled");

        twilio.failWith(400, "The 'To' number +15551237777 is not a valid phone number.");
        HttpResponse<String> refused = dial(TestServer.KEY, "twilio", agent, "+15551237777");
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(TestServer.json(refused).get("error").asText()).contains("is not a valid phone number")
                .contains("21211");
        JsonNode failed = server.getJson("/v1/phone/calls?channel=twilio&status=failed&limit=1").get("data").get(0);
        assertThat(failed.get("to").asText()).isEqualTo("+15551237777");
        assertThat(liveKit.requests("DeleteRoom")).as("the room opened for it is closed").hasSize(1);
    }

    // ---- records -------------------------------------------------------------------------------------------

    @Test
    void calls_areListedNewestFirst_filtered_paged_andAnotherOrganizationsAreNotFound() {
        String first = ok(dial(TestServer.KEY, "twilio", agent, "+15551230101"), 201).get("id").asText();
        String second = ok(dial(TestServer.KEY, "twilio", agent, "+15551230102"), 201).get("id").asText();
        JsonNode page = server.getJson("/v1/phone/calls?channel=twilio&direction=outbound&agent_id=" + agent
                + "&limit=1");
        assertThat(page.get("data").get(0).get("id").asText()).isEqualTo(second);
        JsonNode next = server.getJson("/v1/phone/calls?channel=twilio&direction=outbound&agent_id=" + agent
                + "&limit=1&cursor=" + page.get("next_cursor").asText());
        assertThat(next.get("data").get(0).get("id").asText()).isEqualTo(first);
        HttpResponse<String> unknown = server.get("/v1/phone/calls?chanel=twilio&status=busy", TestServer.KEY);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(unknown).get("details").fieldNames()).toIterable()
                .contains("chanel", "status");
        assertThat(server.get("/v1/phone/calls?cursor=garbage", TestServer.KEY).statusCode()).isEqualTo(400);

        assertThat(send("GET", "/v1/phone/calls/" + first, keyB, null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/v1/phone/calls/" + first, keyB, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/v1/phone/calls/not-an-id", keyB, null).statusCode()).isEqualTo(404);
        assertThat(ok(send("GET", "/v1/phone/calls", keyB, null), 200).get("data")).isEmpty();
        assertThat(call(first).get("status").asText()).isEqualTo("dialing");
    }
}
