package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.application.port.in.people.CompleteSetupCommand;
import ai.zelto.application.port.in.people.SetupLink;
import ai.zelto.domain.user.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile bodies, slow clients and malformed requests get a clear 4xx in the contract's shape, quickly, while
 * other clients are served. The heap bound under this kind of load is {@link HeapBoundIT}; random requests to
 * every endpoint are {@link HttpFuzzIT}.
 */
class HostileInputIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("ZELTO_BODY_READ_TIMEOUT_SECONDS", "3"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> uploadBytes(byte[] body) {
        return server.send(HttpRequest.newBuilder(server.uri("/webhooks/calls"))
                .header("Authorization", "Bearer " + TestServer.KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private static void assertInvalidJson(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"Invalid JSON\"}");
    }

    @Test
    void jsonNested100000Deep_isInvalidJson() {
        String deep = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        assertInvalidJson(server.upload(deep));
        assertInvalidJson(server.upload("[".repeat(100_000) + "]".repeat(100_000)));
    }

    @Test
    void anArrayOfAMillionElements_isTooLarge_whileOthersAreServed() throws Exception {
        CompletableFuture<HttpResponse<String>> hostile = CompletableFuture.supplyAsync(
                () -> server.upload(withTurns(1_000_000)));
        HttpResponse<String> meanwhile = server.upload(CanonicalBodies.withTranscript("hostile-neighbour", "a"));

        assertThat(meanwhile.statusCode()).isEqualTo(200);
        HttpResponse<String> response = hostile.get();
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"error\":\"Payload too large\",\"details\":{\"body\":"
                + "\"holds more than 1000000 JSON tokens (braces, brackets, names and values)\"}}");
    }

    @Test
    void tensOfThousandsOfInvalidFields_getACappedAnswer() {
        HttpResponse<String> response = server.upload(withTurns(200_000));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode details = TestServer.json(response).get("details");
        assertThat(details.size()).isEqualTo(101);
        assertThat(details.get("…").asText()).isEqualTo("199900 more fields are invalid");
        assertThat(response.body().length()).isLessThan(10_000);
    }

    /** A canonical upload whose turns are {@code count} numbers, each an invalid turn. */
    private static String withTurns(int count) {
        StringBuilder body = new StringBuilder("{\"call\": {\"externalId\": \"many\"}, \"agent\": {\"externalId\": \"a\"},"
                + " \"transcript\": {\"turns\": [1");
        for (int i = 1; i < count; i++) {
            body.append(",1");
        }
        return body.append("]}}").toString();
    }

    @Test
    void oddNumbers_hugeFields_andManyKeys_areAnsweredClearly() {
        assertThat(TestServer.json(server.upload("{\"call\": {\"externalId\": \"n\", \"durationSeconds\": 1e999},"
                + " \"agent\": {\"externalId\": \"a\"}}")).get("details").fieldNames()).toIterable()
                .containsExactly("call.durationSeconds");
        assertThat(server.upload("{\"call\": {\"externalId\": \"minus-zero\", \"durationSeconds\": -0, \"cost\": -0.0},"
                + " \"agent\": {\"externalId\": \"a\"}, \"transcript\": {\"turns\": [{\"role\": \"user\", \"text\": \"hi\"}]}}")
                .statusCode()).isEqualTo(200);
        assertThat(TestServer.json(server.upload("{\"call\": {\"externalId\": \"" + "x".repeat(100_000) + "\"},"
                + " \"agent\": {\"externalId\": \"a\"}}")).get("details").toString())
                .isEqualTo("{\"call.externalId\":\"must be 1 to 255 characters\"}");
        assertThat(TestServer.json(server.upload("{\"call\": {\"externalId\": \"v\"}, \"agent\": {\"externalId\": \"a\"},"
                + " \"version\": \"" + "v".repeat(256) + "\"}")).get("details").toString())
                .isEqualTo("{\"version\":\"must be 1 to 255 characters\"}");
        StringBuilder manyKeys = new StringBuilder("{\"call\": {\"externalId\": \"many-keys\"}, \"agent\": {\"externalId\": \"a\"},"
                + " \"transcript\": {\"turns\": [{\"role\": \"user\", \"text\": \"hi\"}]}, \"metadata\": {");
        for (int i = 0; i < 10_000; i++) {
            manyKeys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": ").append(i);
        }
        manyKeys.append("}}");
        assertThat(server.upload(manyKeys.toString()).statusCode()).isEqualTo(200);
        JsonNode delivery = server.uploadAndProcess(manyKeys.toString());
        assertThat(server.getJson("/v1/conversations/" + delivery.get("conversationId").asText()).get("metadata").size())
                .isEqualTo(10_000);
    }

    @Test
    void aNulCharacterInAProviderEvent_isStoredReplaced_notA500() {
        HttpResponse<String> answer = server.upload("{\"event\": \"\\u0000\", \"call\": {\"call_id\": \"nul\"}}",
                "X-Zelto-Provider", "retell");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode delivery = server.awaitProcessed(answer.headers().firstValue("X-Zelto-Delivery-Id").orElseThrow());
        assertThat(delivery.get("status").asText()).isEqualTo("dropped");
        assertThat(delivery.get("reason").asText()).contains("\ufffd").doesNotContain("\u0000");
    }

    @Test
    void aNulCharacterInAnyStoredText_isReplaced_notA500() {
        HttpResponse<String> created = server.post("/v1/keys", TestServer.KEY, "{\"name\": \"bad\\u0000name\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(server.getJson("/v1/keys").get("data").findValuesAsText("name")).contains("bad\ufffdname");
    }

    @Test
    void anApiBodyOverTwoMebibytes_isTooLarge_declaredOrChunked_andTheLargestRealOneIsNot() {
        String tooLarge = "{\"name\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        String expected = "{\"error\":\"Payload too large\",\"details\":{\"body\":\"is larger than 2097152 bytes"
                + " (2 MiB), the most a request here may send\"}}";

        HttpResponse<String> declared = server.post("/v1/agents", TestServer.KEY, tooLarge);
        HttpResponse<String> chunked = server.send(HttpRequest.newBuilder(server.uri("/v1/keys"))
                .header("Authorization", "Bearer " + TestServer.KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        tooLarge.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).build());

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).isEqualTo(expected);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).isEqualTo(expected);
        assertThat(server.getJson("/v1/keys").get("data").findValuesAsText("name"))
                .noneMatch(name -> name.length() > 200);
        String longestPrompt = "\\u00e9".repeat(ai.zelto.domain.agent.Agent.MAX_SYSTEM_PROMPT_LENGTH);
        HttpResponse<String> created = server.post("/v1/agents", TestServer.KEY,
                "{\"name\": \"Longest prompt\", \"architecture\": \"text\", \"systemPrompt\": \"" + longestPrompt
                        + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(TestServer.json(created).get("systemPrompt").asText())
                .isEqualTo("\u00e9".repeat(ai.zelto.domain.agent.Agent.MAX_SYSTEM_PROMPT_LENGTH));
    }

    @Test
    void aConsoleFormOverTwoMebibytes_isATooLargePage_signedInOrNot_andNothingIsDone() throws Exception {
        try (JdbiHarness harness = new JdbiHarness(server.database)) {
            SetupLink link = harness.core().console.people.createUser(harness.core().base.ports.organizations().all()
                    .get(0), "hostile@example.com", Role.ADMIN, "test");
            harness.core().console.people.complete(new CompleteSetupCommand(link.token(), null, "Hostile",
                    "a long enough passphrase"));
        }
        ConsoleSession person = ConsoleSession.signIn(server::uri, "hostile@example.com", "a long enough passphrase");
        int agentsBefore = server.getJson("/v1/agents").get("data").size();

        HttpResponse<String> signedIn = person.post("/agents", "name=Pasted&architecture=text&systemPrompt="
                + "x".repeat(3 * 1024 * 1024));
        // A console page, not an API answer: sent around TestServer, whose checks are the API's.
        HttpResponse<String> anonymous = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                server.uri("/login"))
                .header("Origin", server.uri("/").toString().replaceAll("/$", ""))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=a%40b.co&password=" + "x".repeat(3 * 1024 * 1024)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(signedIn.statusCode()).isEqualTo(413);
        assertThat(signedIn.body()).contains("That is too much to send").contains("Sign out");
        assertThat(anonymous.statusCode()).isEqualTo(413);
        assertThat(anonymous.body()).contains("That is too much to send");
        assertThat(server.getJson("/v1/agents").get("data").size()).isEqualTo(agentsBefore);
        HttpResponse<String> longestPrompt = person.post("/agents", "name=Longest&architecture=text&systemPrompt="
                + ConsoleSession.encode("\u00e9".repeat(ai.zelto.domain.agent.Agent.MAX_SYSTEM_PROMPT_LENGTH)));
        assertThat(longestPrompt.statusCode()).as(longestPrompt.body()).isEqualTo(303);
    }

    @Test
    void brokenJsonToAnyEndpoint_isInvalidJson_notA500() {
        assertInvalidJson(server.post("/v1/keys", TestServer.KEY, "{\"name\": \"cut"));
        assertInvalidJson(server.send(HttpRequest.newBuilder(server.uri("/v1/integrations/vapi"))
                .header("Authorization", "Bearer " + TestServer.KEY).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"secret\": ")).build()));
    }

    @Test
    void invalidUtf8_isInvalidJson() {
        byte[] body = "{\"call\": {\"externalId\": \"bad-\u00ff\"}, \"agent\": {\"externalId\": \"a\"}}"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertInvalidJson(uploadBytes(body));
        assertInvalidJson(uploadBytes(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
    }

    @Test
    void aClientSendingOneByteASecond_getsATimeout_whileOthersAreServed() throws Exception {
        try (java.net.Socket slow = new java.net.Socket("127.0.0.1", server.uri("/").getPort())) {
            String body = CanonicalBodies.withTranscript("slow", "a");
            java.io.OutputStream out = slow.getOutputStream();
            out.write(("POST /webhooks/calls HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestServer.KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            slow.setSoTimeout(200);
            long started = System.nanoTime();
            String answer = "";
            for (int i = 0; i < 20 && answer.isEmpty(); i++) {
                out.write(body.charAt(i));
                out.flush();
                assertThat(server.get("/v1/credits", TestServer.KEY).statusCode()).as("others are served").isEqualTo(200);
                try {
                    byte[] buffer = new byte[4096];
                    int n = slow.getInputStream().read(buffer);
                    answer = n > 0 ? new String(buffer, 0, n, java.nio.charset.StandardCharsets.US_ASCII) : answer;
                } catch (java.net.SocketTimeoutException noAnswerYet) {
                    Thread.sleep(800);
                }
            }
            assertThat(answer).startsWith("HTTP/1.1 408").endsWith("{\"error\":\"Request timeout\"}");
            assertThat((System.nanoTime() - started) / 1_000_000_000).isBetween(2L, 10L);
        }
    }

    @Test
    void malformedRequestsBelowTheApi_areAnsweredInJsonToo() throws Exception {
        for (String request : new String[] {"GET /v1/credits HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n",
                "GET /v1/cr%ZZedits HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /v1/credits HTTP/1.1\r\nHost: x\r\nX-Long: " + "a".repeat(20_000) + "\r\n\r\n"}) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.uri("/").getPort())) {
                socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                socket.setSoTimeout(5000);
                String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(answer).matches("(?s)HTTP/1.1 4\\d\\d .*").contains("Content-Type: application/json")
                        .contains("X-Content-Type-Options: nosniff").doesNotContain("<html").endsWith("\"}");
            }
        }
    }
}
