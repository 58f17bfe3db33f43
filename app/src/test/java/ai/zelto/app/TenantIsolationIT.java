package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.application.port.in.organization.CreateOrganizationCommand;
import ai.zelto.application.port.in.people.CompleteSetupCommand;
import ai.zelto.application.port.in.people.SetupLink;
import ai.zelto.domain.user.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Org B's key against org A's data, endpoint by endpoint (a table: add every new endpoint here). An id of
 * another org answers exactly like an id of nothing at all; lists show nothing of A; B's writes never touch A.
 * The console's routes are in the table too, for a person of B signed in.
 */
class TenantIsolationIT {
    @TempDir
    static java.nio.file.Path dataDir;

    private static TestServer server;
    private static String keyB;
    private static String conversationA;
    private static String agentA;
    private static String deliveryA;
    private static String keyIdA;
    private static String ownerA;
    private static ConsoleSession personB;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of("ZELTO_DATA_DIR", dataDir.toString(), "ZELTO_FETCH_ALLOWED_HOSTS", "127.0.0.1"));
        try (SourceServer source = new SourceServer().serve("/a.wav", TestAudio.wav(0.5))) {
            JsonNode delivery = server.uploadAndProcess(CanonicalBodies.recordingOnly("tenant-a", "agent-a",
                    source.url("/a.wav")));
            deliveryA = delivery.get("id").asText();
            conversationA = delivery.get("conversationId").asText();
            agentA = server.getJson("/v1/conversations/" + conversationA).get("agent").get("id").asText();
            for (int i = 0; i < 200 && !server.getJson("/v1/conversations/" + conversationA).get("recording")
                    .get("status").asText().equals("stored"); i++) {
                TestServer.sleep(25);
            }
        }
        try (JdbiHarness harness = new JdbiHarness(server.database)) {
            var orgB = harness.core().access.organizations.create(new CreateOrganizationCommand("B", null, "test"));
            keyB = orgB.firstKey().secret().value();
            SetupLink link = harness.core().console.people.createUser(orgB.organizationId(), "b@example.com",
                    Role.ADMIN, "test");
            harness.core().console.people.complete(new CompleteSetupCommand(link.token(), null, "Bea B",
                    "b's long password"));
            keyIdA = harness.core().access.apiKeys.listKeys(harness.core().base.ports.organizations().all().get(0))
                    .get(0).id().toString();
            ownerA = harness.core().base.ports.organizations().owner(harness.core().base.ports.organizations().all()
                    .get(0)).toString();
        }
        personB = ConsoleSession.signIn(server::uri, "b@example.com", "b's long password");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void orgAsIds_areNotFoundForOrgB_exactlyLikeIdsOfNothing() {
        String none = "00000000-0000-4000-8000-000000000000";
        List<String> paths = List.of("/v1/conversations/%s", "/v1/conversations/%s/recording", "/v1/agents/%s",
                "/v1/deliveries/%s");
        for (String path : paths) {
            String idOfA = path.contains("agents") ? agentA : path.contains("deliveries") ? deliveryA : conversationA;
            HttpResponse<String> owner = server.get(path.formatted(idOfA), TestServer.KEY);
            HttpResponse<String> other = server.get(path.formatted(idOfA), keyB);
            HttpResponse<String> nothing = server.get(path.formatted(none), keyB);

            assertThat(owner.statusCode()).as("A reads its own " + path).isEqualTo(200);
            assertThat(other.statusCode()).as(path).isEqualTo(404);
            assertThat(other.body()).as(path).isEqualTo(nothing.body());
            assertThat(other.headers().firstValue("Content-Type")).isEqualTo(nothing.headers().firstValue("Content-Type"));
        }
    }

    @Test
    void orgAsIds_areNotFoundOnOrgBsConsole_exactlyLikeIdsOfNothing() {
        String none = "00000000-0000-4000-8000-000000000000";
        for (String path : List.of("/conversations/%s", "/conversations/%s/recording", "/agents/%s")) {
            String idOfA = path.contains("agents") ? agentA : conversationA;
            HttpResponse<String> other = personB.get(path.formatted(idOfA));
            HttpResponse<String> nothing = personB.get(path.formatted(none));
            assertThat(other.statusCode()).as(path).isEqualTo(404);
            assertThat(other.body()).as(path).isEqualTo(nothing.body());
        }
        for (String[] form : new String[][] {{"/settings/keys/%s/revoke", keyIdA},
                {"/settings/members/%s/remove", ownerA}, {"/settings/members/%s/role", ownerA}}) {
            HttpResponse<String> other = personB.post(form[0].formatted(form[1]), "role=viewer");
            HttpResponse<String> nothing = personB.post(form[0].formatted(none), "role=viewer");
            assertThat(other.statusCode()).as(form[0]).isIn(400, 404).isEqualTo(nothing.statusCode());
            assertThat(other.body()).as(form[0]).isEqualTo(nothing.body());
        }
        assertThat(server.get("/v1/credits", TestServer.KEY).statusCode()).as("A's key still works").isEqualTo(200);
    }

    @Test
    void orgBsConsolePages_showNothingOfOrgA() {
        for (String path : List.of("/conversations", "/conversations?q=tenant", "/conversations?agent=" + agentA,
                "/agents", "/deliveries", "/credits", "/audit", "/settings/keys", "/settings/members",
                "/settings/integrations")) {
            HttpResponse<String> page = personB.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            // Only ids: B owns a call with A's external id too (orgBsSettingsAndHooks_neverTouchOrgAs).
            assertThat(page.body()).as(path).doesNotContain(conversationA).doesNotContain(agentA)
                    .doesNotContain(deliveryA).doesNotContain(keyIdA).doesNotContain("agent-a");
        }
    }

    @Test
    void orgBsListsAndFigures_showNothingOfOrgA() {
        for (String path : List.of("/v1/conversations", "/v1/conversations?externalId=tenant-a",
                "/v1/conversations?agentId=" + agentA, "/v1/agents")) {
            HttpResponse<String> response = server.get(path, keyB);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(TestServer.json(response).get("data")).as(path).isEmpty();
        }
        JsonNode keysOfB = TestServer.json(server.get("/v1/keys", keyB)).get("data");
        assertThat(keysOfB).as("only B's first key").hasSize(1);
        JsonNode auditOfB = TestServer.json(server.get("/v1/audit", keyB)).get("data");
        assertThat(auditOfB).extracting(e -> e.get("action").asText()).doesNotContain("provider_settings.changed");
        assertThat(auditOfB.toString()).doesNotContain(conversationA).doesNotContain(agentA);
        JsonNode credits = TestServer.json(server.get("/v1/credits", keyB));
        assertThat(credits.get("charged").asLong()).isZero();
        for (JsonNode integration : TestServer.json(server.get("/v1/integrations", keyB)).get("data")) {
            assertThat(integration.get("calls").asLong()).isZero();
        }
    }

    @Test
    void orgBsSettingsAndHooks_neverTouchOrgAs() {
        HttpResponse<String> put = server.send(HttpRequest.newBuilder(server.uri("/v1/integrations/vapi"))
                .header("Authorization", "Bearer " + keyB).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"serverSecret\": \"b-secret-value\"}")).build());
        HttpResponse<String> hookB = server.post("/v1/integrations/vapi/hook", keyB, "");

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(hookB.statusCode()).isEqualTo(200);
        for (JsonNode integration : server.getJson("/v1/integrations").get("data")) {
            if (integration.get("provider").asText().equals("vapi")) {
                assertThat(integration.get("settings").get("serverSecret").get("configured").asBoolean()).isFalse();
                assertThat(integration.get("hookUrl").isNull()).isTrue();
            }
        }
        String hook = TestServer.json(hookB).get("url").asText();
        String sameCallId = new String(ai.zelto.adapters.providers.Fixtures.bytes("vapi/squad-call.json"),
                java.nio.charset.StandardCharsets.UTF_8).replace("squad-call-1", "tenant-a");
        HttpResponse<String> viaHook = server.send(HttpRequest.newBuilder(server.uri(hook))
                .header("Content-Type", "application/json").header("X-Vapi-Secret", "b-secret-value")
                .POST(HttpRequest.BodyPublishers.ofString(sameCallId)).build());
        assertThat(viaHook.statusCode()).as(viaHook.body()).isEqualTo(200);
        String delivery = viaHook.headers().firstValue("X-Zelto-Delivery-Id").orElseThrow();
        JsonNode processed = null;
        for (int i = 0; i < 400; i++) {
            processed = TestServer.json(server.get("/v1/deliveries/" + delivery, keyB));
            if (!processed.get("status").asText().equals("pending")) {
                break;
            }
            TestServer.sleep(25);
        }
        assertThat(processed.get("status").asText()).isEqualTo("processed");
        JsonNode ofB = TestServer.json(server.get("/v1/conversations?externalId=tenant-a", keyB)).get("data");
        JsonNode ofA = server.getJson("/v1/conversations?externalId=tenant-a").get("data");
        assertThat(ofB).hasSize(1);
        assertThat(ofB.get(0).get("provider").asText()).isEqualTo("vapi");
        assertThat(ofA).hasSize(1);
        assertThat(ofA.get(0).get("id").asText()).isEqualTo(conversationA);
        assertThat(ofA.get(0).get("provider").asText()).as("A's call untouched").isEqualTo("zelto");
    }
}
