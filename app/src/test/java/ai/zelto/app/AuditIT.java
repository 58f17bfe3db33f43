package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.application.port.in.organization.CreateOrganizationCommand;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log: security-relevant actions are recorded with their actor, each org reads only its own, and
 * {@code zelto audit verify} (the real CLI) detects an edited row and removed rows.
 */
class AuditIT {
    @TempDir
    Path work;

    @Test
    void actionsAreAudited_andTamperingIsDetectedByTheCli() throws Exception {
        String otherKey;
        try (TestServer server = TestServer.start(Map.of())) {
            try (JdbiHarness harness = new JdbiHarness(server.database)) {
                otherKey = harness.core().access.organizations.create(new CreateOrganizationCommand("Other", null, "cli"))
                        .firstKey().secret().value();
            }
            server.send(HttpRequest.newBuilder(server.uri("/v1/integrations/retell"))
                    .header("Authorization", "Bearer " + TestServer.KEY).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"apiKey\": \"retell-secret-1234\"}")).build());
            server.post("/v1/integrations/retell/hook", TestServer.KEY, "");

            JsonNode entries = server.getJson("/v1/audit").get("data");
            List<String> actions = new ArrayList<>();
            entries.forEach(entry -> actions.add(entry.get("action").asText()));
            assertThat(actions).containsExactly("provider_hook.rotated", "provider_settings.changed", "api_key.created",
                    "user.created", "organization.created");
            assertThat(entries.get(1).get("actor").asText()).startsWith("user:");
            assertThat(entries.get(1).get("details").toString()).isEqualTo(
                    "{\"provider\":\"retell\",\"removed\":\"\",\"set\":\"apiKey\"}");
            assertThat(entries.get(4).get("actor").asText()).isEqualTo("bootstrap");
            assertThat(entries.toString()).doesNotContain("retell-secret-1234").doesNotContain(TestServer.KEY);
            JsonNode others = TestServer.json(server.get("/v1/audit", otherKey)).get("data");
            assertThat(others).extracting(e -> e.get("actor").asText()).containsOnly("cli");
            assertThat(others).hasSize(3);

            assertThat(verify(server)).startsWith("0:").contains("Audit log intact: 8 entries");

            String original;
            try (Connection c = server.database.dataSource().getConnection(); Statement s = c.createStatement()) {
                ResultSet rs = s.executeQuery("SELECT details::text FROM audit_log ORDER BY id LIMIT 1 OFFSET 2");
                rs.next();
                original = rs.getString(1);
                s.execute("UPDATE audit_log SET details = '{\"name\": \"innocent\"}' WHERE id = "
                        + "(SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 2)");
            }
            assertThat(verify(server)).doesNotStartWith("0:").contains("was altered");

            try (Connection c = server.database.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("UPDATE audit_log SET details = '" + original + "' WHERE id = "
                        + "(SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 2)");
            }
            assertThat(verify(server)).startsWith("0:");
            try (Connection c = server.database.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)");
            }
            assertThat(verify(server)).doesNotStartWith("0:").contains("newest entries were removed");
        }
    }

    /** Runs {@code zelto audit verify} against the server's database; returns "exitCode:output". */
    private String verify(TestServer server) throws Exception {
        Map<String, String> env = ZeltoProcess.environmentFor(server.database, work.resolve("audit"));
        try (ZeltoProcess cli = ZeltoProcess.start(work, "audit-" + System.nanoTime() + ".log", env, "audit", "verify")) {
            int exit = cli.awaitExit();
            return exit + ":" + cli.output();
        }
    }
}
