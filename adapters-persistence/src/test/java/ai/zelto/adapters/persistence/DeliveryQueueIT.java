package ai.zelto.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.application.port.out.Attachment;
import ai.zelto.application.port.out.DeliveryQueue;
import ai.zelto.application.port.out.NewDelivery;
import ai.zelto.application.port.out.PendingDelivery;
import ai.zelto.application.spi.provider.DeliveryContext;
import ai.zelto.application.spi.provider.RawDelivery;
import ai.zelto.domain.delivery.DeliveryId;
import ai.zelto.domain.delivery.DeliveryStatus;
import ai.zelto.domain.organization.OrganizationId;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What only PostgreSQL can show of the delivery queue: running transactions, locks and several workers. What every
 * {@code DeliveryQueue} must do is {@code DeliveryQueueContract} ({@link JdbiPortsIT}).
 */
class DeliveryQueueIT {
    private TestDatabase database;
    private JdbiPersistence.Ports ports;
    private final OrganizationId org = OrganizationId.newId();

    @BeforeEach
    void setUp() {
        database = TestDatabase.create();
        ports = JdbiPersistence.create(Jdbi.create(database.dataSource()), Clock.systemUTC());
        ports.organizations().insert(org, "org", Instant.now());
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private DeliveryId store(String externalId) {
        return store(externalId, "{}".getBytes(StandardCharsets.UTF_8));
    }

    private DeliveryId store(String externalId, byte[] body) {
        DeliveryId id = DeliveryId.newId();
        ports.deliveries().store(new NewDelivery(id, org, "zelto", Instant.now(),
                new RawDelivery(body, Map.of("x-test", List.of("1"))),
                DeliveryContext.Channel.HOOK_URL, externalId,
                DeliveryStatus.PENDING, null, new Attachment("uploads/x/" + externalId, "audio/wav", 44, "ab", null)));
        return id;
    }

    private List<DeliveryId> claim() {
        return ports.unitOfWork().inTransaction(() -> ports.deliveryQueue().claim(10, Long.MAX_VALUE)).stream()
                .map(PendingDelivery::id).toList();
    }

    @Test
    void aTransactionStillRunning_holdsBackEverythingCommittedAfterItBegan() throws Exception {
        DeliveryId before = store("a");
        try (Connection open = database.dataSource().getConnection()) {
            open.setAutoCommit(false);
            try (Statement statement = open.createStatement()) {
                statement.execute("SELECT pg_current_xact_id()");
            }
            DeliveryId after = store("a");

            assertThat(claim()).containsExactly(before);

            open.commit();
            assertThat(claim()).containsExactly(before, after);
        }
    }

    @Test
    void aBatchsLocksAndHoldBacks_takeOneRoundTripEach_andAgreeWithTheSingleChecks() throws Exception {
        DeliveryId first = store("a");
        DeliveryId second = store("a");
        DeliveryId other = store("b");
        DeliveryQueue.CallKey callA = new DeliveryQueue.CallKey(org, "a");
        DeliveryQueue.CallKey callB = new DeliveryQueue.CallKey(org, "b");

        try (Connection otherWorker = database.dataSource().getConnection()) {
            otherWorker.setAutoCommit(false);
            try (Statement statement = otherWorker.createStatement()) {
                // another worker holds the first delivery of call a (row lock) and the lock of call b
                statement.execute("SELECT id FROM deliveries WHERE id = '" + first.value() + "' FOR UPDATE");
                statement.execute("SELECT pg_advisory_xact_lock(hashtextextended('" + org + "' || '/' || 'b', 0))");
            }
            ports.unitOfWork().inTransaction(() -> {
                List<PendingDelivery> claimed = ports.deliveryQueue().claim(10, Long.MAX_VALUE);
                assertThat(claimed).extracting(PendingDelivery::id).containsExactly(second, other);

                assertThat(ports.deliveryQueue().tryLockCalls(List.of(callA, callB))).containsExactly(callA);
                assertThat(ports.deliveryQueue().heldBackByOthers(claimed)).containsExactly(second);
                return null;
            });
            otherWorker.rollback();
        }
        ports.unitOfWork().inTransaction(() -> {
            List<PendingDelivery> claimed = ports.deliveryQueue().claim(10, Long.MAX_VALUE);
            assertThat(ports.deliveryQueue().heldBackByOthers(claimed)).as("the whole call is in the batch").isEmpty();
            return null;
        });
    }

    @Test
    void theCallLock_isExclusiveAcrossTransactions() throws Exception {
        ports.unitOfWork().inTransaction(() -> {
            assertThat(ports.deliveryQueue().tryLockCalls(List.of(new DeliveryQueue.CallKey(org, "a"))))
                    .containsExactly(new DeliveryQueue.CallKey(org, "a"));
            try (Connection other = database.dataSource().getConnection();
                 Statement statement = other.createStatement()) {
                var rs = statement.executeQuery("SELECT pg_try_advisory_xact_lock(hashtextextended('" + org
                        + "' || '/' || 'a', 0))");
                rs.next();
                assertThat(rs.getBoolean(1)).isFalse();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }
}
