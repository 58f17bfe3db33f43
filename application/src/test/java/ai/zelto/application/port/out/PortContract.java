package ai.zelto.application.port.out;

import ai.zelto.domain.conversation.Conversation;
import ai.zelto.domain.organization.OrganizationId;
import org.junit.jupiter.api.BeforeEach;

/** What every port contract starts from: the ports of the side under test, and an organization of the test's own. */
public abstract class PortContract {
    PortsUnderTest ports;
    OrganizationId org;

    /**
     * The ports to test. They may be shared between tests, each of which uses organizations of its own, except
     * where a contract says it needs a store without rows of other tests (claims see every row).
     */
    protected abstract PortsUnderTest portsUnderTest();

    @BeforeEach
    void setUpPorts() {
        ports = portsUnderTest();
        org = ports.newOrganization();
    }

    /** A conversation of the test's organization, saved: charges, recordings and jobs refer to one. */
    Conversation savedConversation(String externalId) {
        Conversation conversation = ContractFixtures.conversation(ports, org, externalId);
        ports.conversations().save(conversation);
        return conversation;
    }
}
