package ai.zelto.application.port.out;

import org.junit.jupiter.api.Nested;

/** The in-memory fakes pass the same contracts as the persistence adapter ({@code JdbiPortsIT}). */
class InMemoryPortsTest {
    @Nested
    class Deliveries extends DeliveryQueueContract {
        @Override
        protected PortsUnderTest portsUnderTest() {
            return PortsUnderTest.inMemory();
        }
    }

    @Nested
    class Conversations extends ConversationRepositoryContract {
        @Override
        protected PortsUnderTest portsUnderTest() {
            return PortsUnderTest.inMemory();
        }
    }

    @Nested
    class Agents extends AgentRepositoryContract {
        @Override
        protected PortsUnderTest portsUnderTest() {
            return PortsUnderTest.inMemory();
        }
    }

    @Nested
    class Credits extends CreditLedgerContract {
        @Override
        protected PortsUnderTest portsUnderTest() {
            return PortsUnderTest.inMemory();
        }
    }

    @Nested
    class Recordings extends RecordingRepositoryContract {
        @Override
        protected PortsUnderTest portsUnderTest() {
            return PortsUnderTest.inMemory();
        }
    }

    @Nested
    class Jobs extends JobQueueContract {
        @Override
        protected PortsUnderTest portsUnderTest() {
            return PortsUnderTest.inMemory();
        }
    }

    @Nested
    class Members extends MemberRepositoryContract {
        @Override
        protected PortsUnderTest portsUnderTest() {
            return PortsUnderTest.inMemory();
        }
    }

    @Nested
    class WebSessions extends WebSessionRepositoryContract {
        @Override
        protected PortsUnderTest portsUnderTest() {
            return PortsUnderTest.inMemory();
        }
    }

    @Nested
    class Transactions extends UnitOfWorkContract {
        @Override
        protected PortsUnderTest portsUnderTest() {
            return PortsUnderTest.inMemory();
        }
    }
}
