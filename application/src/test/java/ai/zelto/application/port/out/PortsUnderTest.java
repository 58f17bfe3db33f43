package ai.zelto.application.port.out;

import ai.zelto.domain.organization.OrganizationId;
import java.util.function.Supplier;

/**
 * The driven ports a contract test runs against, made by the side under test: the in-memory fakes
 * ({@link #inMemory()}) or the real adapter (the persistence module's tests). Both sides must pass the same
 * contracts, so the fakes the unit tests rely on cannot drift from what the database does.
 *
 * @param organizations makes a new organization, the way this side needs one to exist
 */
public record PortsUnderTest(UnitOfWork unitOfWork, DeliveryRepository deliveries, DeliveryQueue deliveryQueue,
                             ConversationRepository conversations, AgentRepository agents, CreditLedger credits,
                             RecordingRepository recordings, JobQueue jobs, MemberRepository members,
                             WebSessionRepository webSessions, Supplier<OrganizationId> organizations) {
    public OrganizationId newOrganization() {
        return organizations.get();
    }

    /** The in-memory fakes, on one {@link InMemoryStore}. */
    public static PortsUnderTest inMemory() {
        InMemoryStore store = new InMemoryStore();
        InMemoryDeliveries deliveries = new InMemoryDeliveries(store);
        return new PortsUnderTest(store, deliveries, deliveries, new InMemoryConversations(store),
                new InMemoryAgents(), new InMemoryCreditLedger(store), new InMemoryRecordings(store),
                new InMemoryJobQueue(store), new InMemoryMembers(store), new InMemoryWebSessions(store),
                OrganizationId::newId);
    }
}
