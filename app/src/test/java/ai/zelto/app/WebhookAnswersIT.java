package ai.zelto.app;

import static ai.zelto.app.TestServer.KEY;
import static ai.zelto.app.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every row of the answer table of CONTRACT §2, through the real server. JSON bodies are compared whole. */
class WebhookAnswersIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(java.util.Map.of("ZELTO_MAX_BODY_BYTES", "65536"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertAnswer(HttpResponse<String> response, int status, String body) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response)).isEqualTo(TestServer.JSON.valueToTree(parse(body)));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
    }

    private static Object parse(String body) {
        try {
            return TestServer.JSON.readValue(body, Object.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void aValidUpload_isReceived_withTheIdOfItsDelivery() {
        HttpResponse<String> response = server.upload(CanonicalBodies.withTranscript("answers-1", "bot"));

        assertAnswer(response, 200, "{\"received\": true}");
        assertThat(response.headers().firstValue("X-Zelto-Delivery-Id")).hasValueSatisfying(
                id -> assertThat(server.getJson("/v1/deliveries/" + id).get("provider").asText()).isEqualTo("zelto"));
    }

    @Test
    void theProviderHeader_acceptsZeltoAndLiveKitInAnyCase() {
        for (String provider : new String[] {"zelto", "ZELTO", "livekit", "LiveKit", ""}) {
            assertAnswer(server.upload(CanonicalBodies.withTranscript("answers-p-" + provider, "bot"),
                    "Content-Type", "application/json", "X-Zelto-Provider", provider), 200, "{\"received\": true}");
        }
    }

    @Test
    void aMissingUnknownOrRevokedKey_isUnauthorized() throws Exception {
        String body = CanonicalBodies.withTranscript("answers-401", "bot");
        assertAnswer(server.post("/webhooks/calls", null, body), 401, "{\"error\": \"Unauthorized\"}");
        assertAnswer(server.post("/webhooks/calls", "zk_" + "x".repeat(43), body), 401, "{\"error\": \"Unauthorized\"}");
        assertAnswer(server.post("/webhooks/calls", "not-a-key", body), 401, "{\"error\": \"Unauthorized\"}");
        assertAnswer(server.post("/webhooks/calls", null, body, "Content-Type", "application/json",
                "Authorization", "Basic " + KEY), 401, "{\"error\": \"Unauthorized\"}");

        String revoked = "zk_revoked_key_0123456789abcdefghijklmnopqrstuv";
        try (Connection c = server.database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO api_keys (id, organization_id, user_id, name, display_prefix, secret_hash, created_at,"
                    + " revoked_at) SELECT gen_random_uuid(), organization_id, user_id, 'old', 'zk_revok', encode("
                    + "sha256('" + revoked + "'::bytea), 'hex'), now(), now() FROM api_keys LIMIT 1");
        }
        assertAnswer(server.post("/webhooks/calls", revoked, body), 401, "{\"error\": \"Unauthorized\"}");
    }

    @Test
    void aBodyThatDoesNotParse_isInvalidJson() {
        assertAnswer(server.upload("{\"call\": "), 400, "{\"error\": \"Invalid JSON\"}");
        assertAnswer(server.upload(""), 400, "{\"error\": \"Invalid JSON\"}");
        assertAnswer(server.upload("{\"call\": {\"externalId\": \"a\"}, \"call\": {}}"), 400,
                "{\"error\": \"Invalid JSON\"}");
    }

    @Test
    void anUnknownProvider_namesTheSupportedOnes() {
        assertAnswer(server.upload(CanonicalBodies.withTranscript("answers-u", "bot"), "Content-Type",
                "application/json", "X-Zelto-Provider", "bland"), 400, """
                {"error": "Unsupported provider", "details": {"provider": "bland",
                 "supported": ["livekit", "retell", "vapi", "zelto"]}}
                """);
    }

    @Test
    void invalidFields_areListedByTheirJsonPath() {
        assertAnswer(server.upload("""
                {"call": {"durationSeconds": "long"}, "agent": {"externalId": "bot"},
                 "transcript": {"turns": [{"role": "user", "text": "a"}, {"role": "user"}, {"role": "user"},
                                          {"role": "narrator", "text": "x"}]}}
                """), 400, """
                {"error": "Validation failed", "details": {
                  "call.externalId": "is required",
                  "call.durationSeconds": "must be a number",
                  "transcript.turns[3].role": "must be one of user, assistant, system, tool"}}
                """);
    }

    @Test
    void aBodyOverTheLimit_isTooLarge_whetherOrNotItsLengthIsDeclared() {
        String big = "{\"call\": {\"externalId\": \"big\"}, \"agent\": {\"externalId\": \"bot\"}, \"metadata\": {\"pad\": \""
                + "x".repeat(70_000) + "\"}}";
        assertAnswer(server.upload(big), 413, "{\"error\": \"Payload too large\"}");

        java.net.http.HttpRequest chunked = java.net.http.HttpRequest.newBuilder(server.uri("/webhooks/calls"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build();
        assertAnswer(server.send(chunked), 413, "{\"error\": \"Payload too large\"}");
    }

    @Test
    void aNonJsonContentType_isRefused() {
        assertAnswer(server.upload(CanonicalBodies.withTranscript("answers-ct", "bot"), "Content-Type", "text/plain"),
                415, "{\"error\": \"Unsupported media type\", \"details\": {\"Content-Type\": \"must be application/json\"}}");
    }

    @Test
    void unknownRoutesAndMethods_answerInTheSameJsonShape() {
        assertAnswer(server.get("/v1/nothing-here", KEY), 404, "{\"error\": \"Not Found\"}");
        assertAnswer(server.get("/webhooks/calls", KEY), 405, "{\"error\": \"Method Not Allowed\"}");
    }
}
