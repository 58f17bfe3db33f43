package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.application.port.in.organization.CreateOrganizationCommand;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API keys: created and listed (never shown again), revoked with immediate effect, hashed with a server secret. */
class KeysIT {
    @TempDir
    Path work;

    private static HttpResponse<String> delete(TestServer server, String path, String key) {
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + key).DELETE()
                .build());
    }

    private static String storedHash(TestServer server, String keyId) throws Exception {
        try (Connection c = server.database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT secret_hash FROM api_keys WHERE id = '" + keyId + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String sha256(TestServer server, String text) throws Exception {
        try (Connection c = server.database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT encode(sha256('" + text + "'::bytea), 'hex')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void keysAreCreatedListedAndRevoked_withImmediateEffect_andAudited() throws Exception {
        try (TestServer server = TestServer.start(Map.of("ZELTO_DATA_DIR", work.resolve("data").toString()))) {
            String otherKey;
            try (JdbiHarness harness = new JdbiHarness(server.database)) {
                otherKey = harness.core().access.organizations.create(new CreateOrganizationCommand("Other", null, "cli"))
                        .firstKey().secret().value();
            }
            HttpResponse<String> created = server.post("/v1/keys", TestServer.KEY, "{\"name\": \"ci uploader\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode key = TestServer.json(created);
            String secret = key.get("key").asText();
            String id = key.get("id").asText();
            assertThat(secret).startsWith("zk_").startsWith(key.get("prefix").asText());
            assertThat(server.get("/v1/credits", secret).statusCode()).isEqualTo(200);

            String list = server.get("/v1/keys", TestServer.KEY).body();
            assertThat(list).contains(id).contains("ci uploader").doesNotContain(secret);
            assertThat(storedHash(server, id)).as("keyed, not a plain hash of the key").isNotEqualTo(sha256(server, secret));

            assertThat(delete(server, "/v1/keys/" + id, otherKey).statusCode()).as("another org's key").isEqualTo(404);
            assertThat(server.get("/v1/credits", secret).statusCode()).isEqualTo(200);
            assertThat(delete(server, "/v1/keys/" + id, TestServer.KEY).statusCode()).isEqualTo(204);
            assertThat(server.get("/v1/credits", secret).statusCode()).as("the very next request").isEqualTo(401);
            assertThat(delete(server, "/v1/keys/" + id, TestServer.KEY).statusCode()).as("already revoked").isEqualTo(404);

            JsonNode audit = server.getJson("/v1/audit");
            assertThat(audit.get("data").get(0).get("action").asText()).isEqualTo("api_key.revoked");
            assertThat(audit.get("data").get(1).get("action").asText()).isEqualTo("api_key.created");
            assertThat(audit.toString()).doesNotContain(secret);

            String cliKey = TestServer.json(server.post("/v1/keys", TestServer.KEY, "{\"name\": \"to revoke\"}"))
                    .get("key").asText();
            String cliKeyId = TestServer.json(server.get("/v1/keys", TestServer.KEY)).get("data").get(0).get("id").asText();
            assertThat(cli(server, "keys", "revoke", "--id", cliKeyId)).startsWith("0:").contains("Revoked key");
            assertThat(server.get("/v1/credits", cliKey).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aKeyStoredByAnEarlierVersion_stillWorks_andIsRehashedOnFirstUse() throws Exception {
        try (TestServer server = TestServer.start(Map.of("ZELTO_DATA_DIR", work.resolve("data").toString()))) {
            String legacy = "zk_legacy_plain_sha256_key_0123456789abcdefghij";
            String legacyHash = sha256(server, legacy);
            try (Connection c = server.database.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO api_keys (id, organization_id, user_id, name, display_prefix, secret_hash, created_at)"
                        + " SELECT '11111111-1111-4111-8111-111111111111', organization_id, user_id, 'old', 'zk_legac',"
                        + " '" + legacyHash + "', now() FROM api_keys LIMIT 1");
            }
            assertThat(server.get("/v1/credits", legacy).statusCode()).isEqualTo(200);
            assertThat(storedHash(server, "11111111-1111-4111-8111-111111111111")).isNotEqualTo(legacyHash);
            assertThat(server.get("/v1/credits", legacy).statusCode()).isEqualTo(200);
        }
    }

    private String cli(TestServer server, String... args) throws Exception {
        Map<String, String> env = ZeltoProcess.environmentFor(server.database, work.resolve("cli"));
        try (ZeltoProcess cli = ZeltoProcess.start(work, "cli-" + System.nanoTime() + ".log", env, args)) {
            return cli.awaitExit() + ":" + cli.output();
        }
    }
}
