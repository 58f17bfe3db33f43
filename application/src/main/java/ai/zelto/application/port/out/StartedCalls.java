package ai.zelto.application.port.out;

import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.organization.OrganizationId;
import java.util.Optional;

/**
 * Calls Zelto started itself (voice sessions, phone calls), by the external id their conversation arrives with
 * (the room name): the agent that conversation belongs to, whatever agent the forwarding worker names by external
 * id, and the person's number when Zelto knows it.
 */
@FunctionalInterface
public interface StartedCalls {
    /** Nothing started here: ingestion alone decides. */
    StartedCalls NONE = (organizationId, externalId) -> Optional.empty();

    /**
     * A call Zelto started.
     *
     * @param customerNumber the person's phone number, E.164, or null (a browser session has none)
     */
    record Started(AgentId agentId, String customerNumber) {
    }

    Optional<Started> startedCall(OrganizationId organizationId, String externalId);

    /** This, else {@code other}. */
    default StartedCalls orElse(StartedCalls other) {
        return (organizationId, externalId) -> {
            Optional<Started> mine = startedCall(organizationId, externalId);
            return mine.isPresent() ? mine : other.startedCall(organizationId, externalId);
        };
    }
}
