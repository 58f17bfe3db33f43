package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.adapters.persistence.TestDatabase;
import ai.zelto.app.wiring.ZeltoCore;
import ai.zelto.application.port.in.ingest.AcceptDeliveryCommand;
import ai.zelto.application.port.in.ingest.AcceptDeliveryResult;
import ai.zelto.application.port.in.organization.CreateOrganizationCommand;
import ai.zelto.application.spi.provider.RawDelivery;
import ai.zelto.domain.organization.OrganizationId;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A worker whose batch holds deliveries 1 and 3 of a call while another worker holds delivery 2 (SKIP LOCKED
 * left a gap) must stop after 1: processing 3 before 2 would apply the call's deliveries out of order. Found by
 * the two-copies test; pinned here deterministically.
 */
class ReceiveOrderGapIT {
    @Test
    void aDeliveryHeldByAnotherWorker_stopsTheCallAtTheGap() throws Exception {
        try (TestDatabase database = TestDatabase.create()) {
            ZeltoCore core = new JdbiHarness(database, Map.of("ZELTO_WORKER_BATCH_SIZE", "10")).core();
            OrganizationId org = core.access.organizations.create(new CreateOrganizationCommand("Gap", null, "test"))
                    .organizationId();
            List<String> ids = new ArrayList<>();
            for (int n = 1; n <= 3; n++) {
                AcceptDeliveryResult result = core.ingest.accept.accept(AcceptDeliveryCommand.withApiKey(org, null,
                        new RawDelivery(("{\"call\": {\"externalId\": \"gap\", \"durationSeconds\": " + n + "},"
                                + " \"agent\": {\"externalId\": \"a\"}, \"transcript\": {\"turns\": [{\"role\": \"user\","
                                + " \"text\": \"delivery " + n + "\"}]}}").getBytes(StandardCharsets.UTF_8), Map.of())));
                ids.add(((AcceptDeliveryResult.Stored) result).deliveryId().toString());
            }

            try (Connection otherWorker = database.dataSource().getConnection()) {
                otherWorker.setAutoCommit(false);
                try (Statement s = otherWorker.createStatement()) {
                    s.executeQuery("SELECT id FROM deliveries WHERE id = '" + ids.get(1) + "' FOR UPDATE").close();
                }
                assertThat(core.ingest.processing.processBatch()).as("only delivery 1").isEqualTo(1);
                assertThat(statuses(database, ids)).containsExactly("processed", "pending", "pending");
                otherWorker.rollback();
            }

            while (core.ingest.processing.processBatch() > 0) {
                // drain
            }
            assertThat(statuses(database, ids)).containsOnly("processed");
            assertThat(core.base.ports.conversations().findByExternalId(org, "gap").orElseThrow().durationSeconds())
                    .as("delivery 3 applied last").isEqualByComparingTo("3");
        }
    }

    private static List<String> statuses(TestDatabase database, List<String> ids) throws Exception {
        List<String> statuses = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String id : ids) {
                ResultSet rs = s.executeQuery("SELECT status FROM deliveries WHERE id = '" + id + "'");
                rs.next();
                statuses.add(rs.getString(1));
            }
        }
        return statuses;
    }
}
