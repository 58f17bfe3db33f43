package ai.zelto.app;

import static ai.zelto.app.TestServer.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.adapters.providers.Fixtures;
import ai.zelto.domain.conversation.Version;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Vapi and Retell payloads, posted unchanged to the real server, through to the read API. */
class NativeProvidersIT {
    private static final String RETELL_API_KEY = "key_retell_webhook_0123456789";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String fixture(String name) {
        return new String(Fixtures.bytes(name), StandardCharsets.UTF_8);
    }

    private static JsonNode conversationOf(String externalId) {
        JsonNode data = server.getJson("/v1/conversations?externalId=" + externalId).get("data");
        assertThat(data).as(externalId).hasSize(1);
        return data.get(0);
    }

    private static long charged() {
        return server.getJson("/v1/credits").get("charged").asLong();
    }

    @Test
    void aVapiEndOfCallReport_becomesOneConversation_evenWhenPostedTwice() {
        long before = charged();
        String report = fixture("vapi/end-of-call-report.json");
        JsonNode first = server.uploadAndProcess(report, "Content-Type", "application/json", "X-Zelto-Provider", "vapi");
        JsonNode second = server.uploadAndProcess(report, "Content-Type", "application/json", "X-Zelto-Provider", "Vapi");

        assertThat(first.get("status").asText()).isEqualTo("processed");
        assertThat(second.get("conversationId")).isEqualTo(first.get("conversationId"));
        JsonNode c = conversationOf("2f1a3c4e-8b7d-4e21-9a6f-0c5d2e1b7a90");
        assertThat(c.get("provider").asText()).isEqualTo("vapi");
        assertThat(c.get("agent").get("externalId").asText()).isEqualTo("asst_5f2e");
        assertThat(c.get("agent").get("name").asText()).isEqualTo("Order helper");
        assertThat(c.get("version").asText()).isEqualTo(Version.promptHash("You help {{customer.name}} with orders."));
        assertThat(c.get("transcript").get("turns")).hasSize(5);
        assertThat(c.get("durationSeconds").decimalValue()).isEqualByComparingTo("62.5");
        assertThat(c.get("cost").decimalValue()).isEqualByComparingTo("0.1834");
        assertThat(c.get("recordingUrl").asText()).isEqualTo("https://storage.vapi.ai/2f1a3c4e-1767632400000-mono.wav");
        assertThat(charged() - before).isEqualTo(2);
    }

    @Test
    void vapiNonTerminalMessages_areDropped_andAnUnansweredDialIsSkipped() {
        JsonNode status = server.uploadAndProcess(fixture("vapi/status-update-ended.json"),
                "Content-Type", "application/json", "X-Zelto-Provider", "vapi");
        JsonNode dial = server.uploadAndProcess(fixture("vapi/unanswered-dial.json"),
                "Content-Type", "application/json", "X-Zelto-Provider", "vapi");

        assertThat(status.get("status").asText()).isEqualTo("dropped");
        assertThat(status.get("reason").asText()).contains("status-update");
        assertThat(dial.get("status").asText()).isEqualTo("skipped");
    }

    @Test
    void aConfiguredVapiServerSecret_mustBeSent_andIsNeverShownAgain() {
        HttpResponse<String> put = server.send(HttpRequest.newBuilder(server.uri("/v1/integrations/vapi"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"serverSecret\": \"vapi-secret-7f3a\"}")).build());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.body()).doesNotContain("vapi-secret-7f3a").contains("\"configured\":true").contains("…7f3a");
        try {
            String report = fixture("vapi/squad-call.json");
            HttpResponse<String> without = server.upload(report, "Content-Type", "application/json",
                    "X-Zelto-Provider", "vapi");
            HttpResponse<String> wrong = server.upload(report, "Content-Type", "application/json",
                    "X-Zelto-Provider", "vapi", "X-Vapi-Secret", "nope");
            HttpResponse<String> right = server.upload(report, "Content-Type", "application/json",
                    "X-Zelto-Provider", "vapi", "X-Vapi-Secret", "vapi-secret-7f3a");

            assertThat(without.statusCode()).isEqualTo(401);
            assertThat(without.body()).isEqualTo("{\"error\":\"Unauthorized\"}");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(right.statusCode()).isEqualTo(200);
            JsonNode vapi = integration("vapi");
            assertThat(vapi.get("settings").get("serverSecret").get("configured").asBoolean()).isTrue();
            assertThat(vapi.toString()).doesNotContain("vapi-secret-7f3a");
        } finally {
            server.send(HttpRequest.newBuilder(server.uri("/v1/integrations/vapi"))
                    .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"serverSecret\": null}")).build());
        }
    }

    @Test
    void retellThroughItsHookUrl_analyzedBeforeEnded_isOneConversationAndOneCharge() throws Exception {
        configureRetell();
        String url = createHook("retell");
        assertThat(url).startsWith("/webhooks/retell/zh_");
        long before = charged();

        HttpResponse<String> analyzed = postSigned(url, Fixtures.bytes("retell/call_analyzed.json"));
        HttpResponse<String> ended = postSigned(url, Fixtures.bytes("retell/call_ended.json"));
        HttpResponse<String> started = postSigned(url, Fixtures.bytes("retell/call_started.json"));
        assertThat(List.of(analyzed.statusCode(), ended.statusCode(), started.statusCode())).containsOnly(200);
        for (HttpResponse<String> response : List.of(analyzed, ended)) {
            assertThat(server.awaitProcessed(response.headers().firstValue("X-Zelto-Delivery-Id").orElseThrow())
                    .get("status").asText()).isEqualTo("processed");
        }
        assertThat(server.awaitProcessed(started.headers().firstValue("X-Zelto-Delivery-Id").orElseThrow())
                .get("status").asText()).isEqualTo("dropped");

        JsonNode c = conversationOf("call_6a4b1e0f9c");
        assertThat(c.get("provider").asText()).isEqualTo("retell");
        assertThat(c.get("agent").get("externalId").asText()).isEqualTo("agent_3d9e2b");
        assertThat(c.get("version").asText()).isEqualTo("0");
        assertThat(c.get("durationSeconds").decimalValue()).isEqualByComparingTo("95.25");
        assertThat(c.get("cost").decimalValue()).isEqualByComparingTo("0.0637");
        assertThat(c.get("customer").get("number").asText()).isEqualTo("+12125550147");
        assertThat(c.get("transcript").get("turns")).hasSize(6);
        assertThat(c.get("metadata").get("call_analysis").get("user_sentiment").asText())
                .as("the analysis survives the later call_ended").isEqualTo("Positive");
        assertThat(charged() - before).isEqualTo(2);
        assertThat(integration("retell").get("hookUrl").asText()).isEqualTo(url);
    }

    @Test
    void retellDeliveriesThatDoNotProveTheirOrigin_areRefused() throws Exception {
        configureRetell();
        String url = createHook("retell");
        byte[] body = Fixtures.bytes("retell/call_ended.json");

        HttpResponse<String> unsigned = post(url, body, null);
        HttpResponse<String> badSignature = post(url, body, sign(body, "not the key", System.currentTimeMillis()));
        HttpResponse<String> stale = post(url, body, sign(body, RETELL_API_KEY, System.currentTimeMillis() - 600_000));
        HttpResponse<String> unknownToken = postSigned("/webhooks/retell/zh_" + "A".repeat(43), body);
        HttpResponse<String> otherProvider = postSigned(url.replace("/retell/", "/vapi/"), body);
        String rotated = createHook("retell");
        HttpResponse<String> oldUrl = postSigned(url, body);
        HttpResponse<String> newUrl = postSigned(rotated, body);

        for (HttpResponse<String> refused : List.of(unsigned, badSignature, stale, unknownToken, otherProvider, oldUrl)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
            assertThat(refused.body()).isEqualTo("{\"error\":\"Unauthorized\"}");
        }
        assertThat(newUrl.statusCode()).isEqualTo(200);
    }

    @Test
    void integrationSettings_areValidatedAndScopedToKnownProviders() {
        HttpResponse<String> unknownSetting = put("/v1/integrations/retell", "{\"apikey\": \"x\", \"apiKey\": 5}");
        HttpResponse<String> unknownProvider = put("/v1/integrations/bland", "{\"apiKey\": \"x\"}");
        HttpResponse<String> noSettings = put("/v1/integrations/zelto", "{\"token\": \"x\"}");

        assertThat(unknownSetting.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(unknownSetting).get("details").fieldNames()).toIterable()
                .containsExactly("apiKey");
        assertThat(unknownProvider.statusCode()).isEqualTo(404);
        assertThat(noSettings.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(noSettings).get("details").get("token").asText()).isEqualTo("zelto has no settings");
    }

    private static void configureRetell() {
        HttpResponse<String> response = put("/v1/integrations/retell", "{\"apiKey\": \"" + RETELL_API_KEY + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static HttpResponse<String> put(String path, String body) {
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String createHook(String provider) {
        HttpResponse<String> response = server.post("/v1/integrations/" + provider + "/hook", KEY, "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestServer.json(response).get("url").asText();
    }

    private static JsonNode integration(String provider) {
        for (JsonNode entry : server.getJson("/v1/integrations").get("data")) {
            if (entry.get("provider").asText().equals(provider)) {
                return entry;
            }
        }
        throw new AssertionError("no integration " + provider);
    }

    private static HttpResponse<String> postSigned(String path, byte[] body) throws Exception {
        return post(path, body, sign(body, RETELL_API_KEY, System.currentTimeMillis()));
    }

    /** Retell sends neither a Zelto key nor X-Zelto-Provider: only its signature. */
    private static HttpResponse<String> post(String path, byte[] body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("x-retell-signature", signature);
        }
        return server.send(request.build());
    }

    /** Retell's algorithm, written here independently of the plugin's (research/providers.md §2.5). */
    private static String sign(byte[] body, String apiKey, long timestamp) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(apiKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(body);
        mac.update(Long.toString(timestamp).getBytes(StandardCharsets.US_ASCII));
        return "v=" + timestamp + ",d=" + HexFormat.of().formatHex(mac.doFinal());
    }
}
