package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.application.port.in.organization.CreateOrganizationCommand;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Rate limits per key, security headers on every answer, and error bodies that reveal nothing internal. */
class SecurityIT {
    private static TestServer server;
    private static String otherKey;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("ZELTO_RATE_LIMIT_PER_SECOND", "1", "ZELTO_RATE_LIMIT_BURST", "5"));
        try (JdbiHarness harness = new JdbiHarness(server.database)) {
            otherKey = harness.core().access.organizations.create(new CreateOrganizationCommand("Other", null, "test")).firstKey()
                    .secret().value();
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aKeyOverItsLimit_gets429WithRetryAfter_andOtherKeysAreUnaffected() {
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> limited = null;
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> response = server.get("/v1/credits", TestServer.KEY);
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                limited = response;
            }
        }
        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(limited).as("statuses " + statuses).isNotNull();
        assertThat(limited.body()).isEqualTo("{\"error\":\"Too many requests\"}");
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(server.get("/v1/credits", otherKey).statusCode()).isEqualTo(200);

        TestServer.sleep(2100);
        assertThat(server.get("/v1/credits", TestServer.KEY).statusCode()).as("refilled").isEqualTo(200);
    }

    @Test
    void aKeyInTheQueryString_isRefused_andNeverLogged() {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logged.start();
        root.addAppender(logged);
        try {
            for (String path : List.of("/v1/agents?access_token=" + otherKey, "/v1/agents?api_key=" + otherKey,
                    "/v1/agents?key=" + otherKey)) {
                HttpResponse<String> answer = server.get(path, null);
                assertThat(answer.statusCode()).as(path).isEqualTo(401);
                assertThat(answer.body()).isEqualTo("{\"error\":\"Unauthorized\"}");
            }
            HttpResponse<String> upload = server.post("/webhooks/calls?access_token=" + otherKey, null,
                    CanonicalBodies.withTranscript("query-key", "bot"));
            assertThat(upload.statusCode()).isEqualTo(401);
        } finally {
            root.detachAppender(logged);
        }
        assertThat(logged.list).isNotEmpty().allSatisfy(event ->
                assertThat(event.getFormattedMessage()).doesNotContain(otherKey));
    }

    @Test
    void aKeyInTheXApiKeyHeader_isAccepted_andAWrongSchemeIsNot() {
        HttpResponse<String> byHeader = server.send(HttpRequest.newBuilder(server.uri("/v1/agents"))
                .header("X-API-Key", otherKey).GET().build());
        assertThat(byHeader.statusCode()).isEqualTo(200);
        HttpResponse<String> basic = server.send(HttpRequest.newBuilder(server.uri("/v1/agents"))
                .header("Authorization", "Basic " + otherKey).GET().build());
        assertThat(basic.statusCode()).isEqualTo(401);
        HttpResponse<String> lowerCaseScheme = server.send(HttpRequest.newBuilder(server.uri("/v1/agents"))
                .header("Authorization", "bearer " + otherKey).GET().build());
        assertThat(lowerCaseScheme.statusCode()).isEqualTo(200);
    }

    @Test
    void everyAnswer_carriesSecurityHeaders_andErrorsRevealNothingInternal() {
        List<HttpResponse<String>> answers = List.of(
                server.get("/v1/agents", otherKey),
                server.get("/v1/conversations/00000000-0000-0000-0000-000000000000", otherKey),
                server.get("/v1/conversations?limit=x&cursor=%00", otherKey),
                server.post("/webhooks/calls", otherKey, "{\"call\": {\"externalId\": 5}}"),
                server.post("/webhooks/calls", otherKey, "{{{"),
                server.post("/webhooks/calls", null, "{}"),
                server.get("/nothing/here", otherKey),
                server.send(HttpRequest.newBuilder(server.uri("/v1/integrations/retell")).header("Authorization",
                        "Bearer " + otherKey).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("[\"not\", \"an\", \"object\"]")).build()));
        for (HttpResponse<String> answer : answers) {
            ResponseHygiene.check(answer);
            assertThat(answer.headers().firstValue("Cache-Control")).as(answer.uri().toString()).hasValue("no-store");
            assertThat(answer.body()).startsWith("{").doesNotContain("Exception").doesNotContain("at ai.")
                    .doesNotContain("at org.").doesNotContainIgnoringCase("select ").doesNotContain("ai.zelto")
                    .doesNotContain("jdbi").doesNotContain("jackson");
        }
    }
}
