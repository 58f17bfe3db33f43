package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.adapters.persistence.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * While PostgreSQL is unreachable, uploads get 503 with Retry-After — never a 200 — and the health check turns
 * unhealthy; when it returns, the service recovers by itself, and nothing acknowledged before is lost. The
 * outage is a TCP proxy between the app and the database that the test cuts and restores.
 */
class DatabaseOutageIT {
    private static HttpResponse<String> freshUpload(TestServer server, String body) {
        try {
            return ResponseHygiene.check(java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri("/webhooks/calls"))
                    .header("Authorization", "Bearer " + TestServer.KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        } catch (Exception e) {
            throw new AssertionError("no answer at all during the outage", e);
        }
    }

    @Test
    void anOutage_isA503_thenHealsWithoutARestart() {
        TestDatabase database = TestDatabase.create();
        URI target = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(target.getHost(), target.getPort());
             TestServer server = TestServer.start(database, Map.of("ZELTO_DATABASE_URL", "jdbc:postgresql://127.0.0.1:"
                     + proxy.port() + target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())))) {
            JsonNode before = server.uploadAndProcess(CanonicalBodies.withTranscript("outage-before", "outage-agent"));
            assertThat(before.get("status").asText()).isEqualTo("processed");

            proxy.cut();
            for (int i = 0; i < 5; i++) {
                // a fresh connection each time: Jetty closes one after answering without reading the body, and a
                // kept-alive client would race that close
                HttpResponse<String> refused = freshUpload(server, CanonicalBodies.withTranscript("outage-during-" + i,
                        "a"));
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                assertThat(refused.body()).isEqualTo("{\"error\":\"Service unavailable\"}");
                assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            }
            HttpResponse<String> health = server.send(HttpRequest.newBuilder(server.adminUri("/healthcheck")).GET().build());
            assertThat(health.statusCode()).isEqualTo(500);
            assertThat(TestServer.json(health).get("database").get("healthy").asBoolean()).isFalse();

            proxy.restore();
            HttpResponse<String> after = null;
            for (int i = 0; i < 100 && (after == null || after.statusCode() != 200); i++) {
                TestServer.sleep(200);
                after = freshUpload(server, CanonicalBodies.withTranscript("outage-after", "outage-agent"));
            }
            assertThat(after.statusCode()).as("recovered without a restart").isEqualTo(200);
            server.awaitProcessed(after.headers().firstValue("X-Zelto-Delivery-Id").orElseThrow());
            JsonNode page = server.getJson("/v1/conversations?agentId="
                    + server.getJson("/v1/conversations?externalId=outage-before").get("data").get(0).get("agent")
                    .get("id").asText());
            assertThat(page.get("data")).extracting(c -> c.get("externalId").asText())
                    .containsExactlyInAnyOrder("outage-before", "outage-after");
            assertThat(server.send(HttpRequest.newBuilder(server.adminUri("/healthcheck")).GET().build()).statusCode())
                    .isEqualTo(200);
        }
    }
}
