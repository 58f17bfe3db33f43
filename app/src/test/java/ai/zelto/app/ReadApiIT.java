package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.application.port.in.organization.CreateOrganizationCommand;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The read API: shapes, filters, pagination and organization scoping. */
class ReadApiIT {
    private static TestServer server;
    private static String otherOrgKey;
    private static String conversationId;
    private static String agentId;
    private static String deliveryId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        for (int i = 0; i < 7; i++) {
            server.uploadAndProcess("""
                    {"call": {"externalId": "read-%d", "startedAt": "2026-05-0%dT10:00:00Z", "durationSeconds": %d,
                              "cost": 0.25, "customer": {"number": "+1555000%d", "name": "Caller %d"}},
                     "agent": {"externalId": "%s", "name": "Reader"}, "version": "%s",
                     "transcript": {"turns": [{"role": "user", "text": "hello %d"}]}, "metadata": {"i": %d}}
                    """.formatted(i, i + 1, 30 * (i + 1), i, i, i % 2 == 0 ? "even" : "odd", i < 4 ? "v1" : "v2", i, i));
        }
        JsonNode delivery = server.uploadAndProcess(CanonicalBodies.withTranscript("read-detail", "detail-agent"));
        deliveryId = delivery.get("id").asText();
        conversationId = delivery.get("conversationId").asText();
        agentId = server.getJson("/v1/conversations/" + conversationId).get("agent").get("id").asText();
        otherOrgKey = createOtherOrganization();
    }

    private static String createOtherOrganization() {
        try (var db = new JdbiHarness(server.database)) {
            return db.core().access.organizations.create(new CreateOrganizationCommand("Other", null, "test")).firstKey().secret().value();
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> externalIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(c -> ids.add(c.get("externalId").asText()));
        return ids;
    }

    @Test
    void oneConversation_hasEveryFieldOfTheContract() {
        JsonNode c = server.getJson("/v1/conversations/" + conversationId);

        assertThat(c.fieldNames()).toIterable().containsExactly("id", "externalId", "provider", "agent", "version",
                "startedAt", "endedAt", "durationSeconds", "endedReason", "cost", "recordingUrl", "customer",
                "systemPrompt", "metadata", "transcript", "recording", "createdAt", "updatedAt");
        assertThat(c.get("agent").fieldNames()).toIterable().containsExactly("id", "externalId", "name");
        assertThat(c.get("customer").fieldNames()).toIterable().containsExactly("number", "name");
        assertThat(c.get("transcript").get("turns").get(1).toString())
                .isEqualTo("{\"role\":\"user\",\"text\":\"Hi\",\"startSeconds\":0.5,\"endSeconds\":1.0}");
        assertThat(c.get("startedAt").asText()).isEqualTo("2026-05-01T10:00:00Z");
    }

    @Test
    void theList_isNewestFirst_andFiltersCombine() {
        assertThat(externalIds(server.getJson("/v1/conversations?agentId=" + agentId))).containsExactly("read-detail");
        assertThat(externalIds(server.getJson("/v1/conversations?version=v2")))
                .containsExactly("read-6", "read-5", "read-4");
        assertThat(externalIds(server.getJson("/v1/conversations?version=v1&from=2026-05-02T00:00:00Z"
                + "&to=2026-05-04T00:00:00Z"))).containsExactly("read-2", "read-1");
        assertThat(externalIds(server.getJson("/v1/conversations?provider=livekit"))).isEmpty();
        assertThat(externalIds(server.getJson("/v1/conversations?externalId=read-3"))).containsExactly("read-3");
    }

    @Test
    void theCursor_walksEveryConversationOnce() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = server.getJson("/v1/conversations?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.get("data").size()).isLessThanOrEqualTo(3);
            seen.addAll(externalIds(page));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null);

        assertThat(seen).hasSize(8).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(3);
        assertThat(seen.subList(0, 6)).containsExactly("read-6", "read-5", "read-4", "read-3", "read-2", "read-1");
        // read-0 and read-detail started at the same instant: the id breaks the tie, in either order
        assertThat(seen.subList(6, 8)).containsExactlyInAnyOrder("read-0", "read-detail");
    }

    @Test
    void badQueryParameters_areValidationErrorsNamingEachOne() {
        HttpResponse<String> response = server.get("/v1/conversations?limit=500&from=yesterday&cursor=zzz&agentId=7",
                TestServer.KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = TestServer.json(response);
        assertThat(body.get("error").asText()).isEqualTo("Validation failed");
        assertThat(body.get("details").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("limit", "from", "cursor", "agentId");
    }

    @Test
    void agents_showTheirVersionsWithFigures() {
        JsonNode even = null;
        for (JsonNode agent : server.getJson("/v1/agents").get("data")) {
            if (agent.get("externalId").asText().equals("even")) {
                even = agent;
            }
        }
        assertThat(even).isNotNull();
        JsonNode versions = even.get("versions");
        assertThat(versions).hasSize(2);
        JsonNode v2 = versions.get(0);
        assertThat(v2.get("version").asText()).isEqualTo("v2");
        // read-4 (150 s) and read-6 (210 s)
        assertThat(v2.get("calls").asLong()).isEqualTo(2);
        assertThat(v2.get("avgDurationSeconds").decimalValue()).isEqualByComparingTo("180");
        assertThat(v2.get("totalCost").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(v2.get("firstSeenAt").asText()).isEqualTo("2026-05-05T10:00:00Z");
        assertThat(v2.get("lastSeenAt").asText()).isEqualTo("2026-05-07T10:00:00Z");
    }

    @Test
    void integrationsAndCredits_reflectWhatWasIngested() {
        JsonNode integrations = server.getJson("/v1/integrations").get("data");
        assertThat(integrations).extracting(i -> i.get("provider").asText())
                .containsExactly("livekit", "llm", "retell", "twilio", "vapi", "whatsapp", "zelto");
        assertThat(integrations.get(0).get("active").asBoolean()).isFalse();
        assertThat(integrations.get(6).get("active").asBoolean()).isTrue();
        assertThat(integrations.get(6).get("calls").asLong()).isEqualTo(8);
        assertThat(integrations.get(6).fieldNames()).toIterable()
                .containsExactly("provider", "active", "lastCallAt", "calls", "settings", "hookUrl");

        JsonNode credits = server.getJson("/v1/credits");
        assertThat(credits.get("granted").asLong()).isEqualTo(1000);
        // 30..210 s → 1+1+2+2+3+3+4 started minutes, plus 95 s → 2
        assertThat(credits.get("charged").asLong()).isEqualTo(18);
        assertThat(credits.get("balance").asLong()).isEqualTo(982);
    }

    @Test
    void anotherOrganizationsIds_areNotFound_andItsListsAreEmpty() {
        for (String path : List.of("/v1/conversations/" + conversationId, "/v1/agents/" + agentId,
                "/v1/deliveries/" + deliveryId, "/v1/conversations/not-a-uuid", "/v1/agents/nope")) {
            HttpResponse<String> response = server.get(path, otherOrgKey);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).isEqualTo("{\"error\":\"Not found\"}");
        }
        HttpResponse<String> list = server.get("/v1/conversations", otherOrgKey);
        assertThat(TestServer.json(list).get("data")).isEmpty();
        assertThat(TestServer.json(server.get("/v1/agents", otherOrgKey)).get("data")).isEmpty();
        assertThat(TestServer.json(server.get("/v1/credits", otherOrgKey)).get("charged").asLong()).isZero();
    }

    @Test
    void theSameExternalIdInAnotherOrganization_isAnotherConversation() {
        String thirdOrgKey = createOtherOrganization();
        HttpResponse<String> posted = server.post("/webhooks/calls", thirdOrgKey,
                CanonicalBodies.recordingOnly("read-3", "even", "https://other.example.com/3.wav"));
        assertThat(posted.statusCode()).isEqualTo(200);
        String deliveryId = posted.headers().firstValue("X-Zelto-Delivery-Id").orElseThrow();
        JsonNode delivery = null;
        for (int i = 0; i < 500 && (delivery == null || delivery.get("status").asText().equals("pending")); i++) {
            TestServer.sleep(20);
            delivery = TestServer.json(server.get("/v1/deliveries/" + deliveryId, thirdOrgKey));
        }

        JsonNode theirs = TestServer.json(server.get("/v1/conversations?externalId=read-3", thirdOrgKey)).get("data");
        JsonNode ours = server.getJson("/v1/conversations?externalId=read-3").get("data");
        assertThat(theirs).hasSize(1);
        assertThat(ours).hasSize(1);
        assertThat(theirs.get(0).get("id")).isNotEqualTo(ours.get(0).get("id"));
        assertThat(ours.get(0).get("recordingUrl").isNull()).isTrue();
    }

    @Test
    void theAdminPort_reportsHealth() {
        HttpResponse<String> health = server.send(java.net.http.HttpRequest.newBuilder(server.adminUri("/healthcheck"))
                .GET().build());
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode checks = TestServer.json(health);
        assertThat(checks.get("database").get("healthy").asBoolean()).isTrue();
        assertThat(checks.get("deliveryBacklog").get("healthy").asBoolean()).isTrue();
    }
}
