package ai.zelto.adapters.persistence;

import ai.zelto.application.port.out.AgentRepositoryContract;
import ai.zelto.application.port.out.ConversationRepositoryContract;
import ai.zelto.application.port.out.CreditLedgerContract;
import ai.zelto.application.port.out.DeliveryQueueContract;
import ai.zelto.application.port.out.JobQueueContract;
import ai.zelto.application.port.out.MemberRepositoryContract;
import ai.zelto.application.port.out.PortsUnderTest;
import ai.zelto.application.port.out.RecordingRepositoryContract;
import ai.zelto.application.port.out.UnitOfWorkContract;
import ai.zelto.application.port.out.WebSessionRepositoryContract;
import ai.zelto.domain.organization.OrganizationId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The persistence adapter passes the same contracts as the in-memory fakes the unit tests use
 * ({@code InMemoryPortsTest}). The contracts share one database, each test using organizations of its own;
 * those that see every row (claims of deliveries and jobs) get that database emptied of them first.
 */
class JdbiPortsIT {
    private static TestDatabase database;
    private static PortsUnderTest shared;

    @BeforeAll
    static void openDatabase() {
        database = TestDatabase.create();
        shared = on(database);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    /** The shared ports, with no delivery or job left from earlier tests. */
    private static PortsUnderTest withoutDeliveriesOrJobs() {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE deliveries, jobs");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the deliveries and jobs", e);
        }
        return shared;
    }

    private static PortsUnderTest on(TestDatabase database) {
        JdbiPersistence.Ports ports = JdbiPersistence.create(Jdbi.create(database.dataSource()), Clock.systemUTC());
        return new PortsUnderTest(ports.unitOfWork(), ports.deliveries(), ports.deliveryQueue(), ports.conversations(),
                ports.agents(), ports.credits(), ports.recordings(), ports.jobs(), ports.members(),
                ports.webSessions(), () -> {
                    OrganizationId org = OrganizationId.newId();
                    ports.organizations().insert(org, "contract test", Instant.now());
                    return org;
                });
    }

    @Nested
    class Deliveries extends DeliveryQueueContract {
        @Override
        protected PortsUnderTest portsUnderTest() {
            return withoutDeliveriesOrJobs();
        }
    }

    @Nested
    class Members extends MemberRepositoryContract {
        @Override
        protected PortsUnderTest portsUnderTest() {
            return shared;
        }
    }

    @Nested
    class WebSessions extends WebSessionRepositoryContract {
        @Override
        protected PortsUnderTest portsUnderTest() {
            return shared;
        }
    }

    @Nested
    class Conversations extends ConversationRepositoryContract {
        @Override
        protected PortsUnderTest portsUnderTest() {
            return shared;
        }
    }

    @Nested
    class Agents extends AgentRepositoryContract {
        @Override
        protected PortsUnderTest portsUnderTest() {
            return shared;
        }
    }

    @Nested
    class Credits extends CreditLedgerContract {
        @Override
        protected PortsUnderTest portsUnderTest() {
            return shared;
        }
    }

    @Nested
    class Recordings extends RecordingRepositoryContract {
        @Override
        protected PortsUnderTest portsUnderTest() {
            return shared;
        }
    }

    @Nested
    class Jobs extends JobQueueContract {
        @Override
        protected PortsUnderTest portsUnderTest() {
            return withoutDeliveriesOrJobs();
        }
    }

    @Nested
    class Transactions extends UnitOfWorkContract {
        @Override
        protected PortsUnderTest portsUnderTest() {
            return shared;
        }
    }
}
