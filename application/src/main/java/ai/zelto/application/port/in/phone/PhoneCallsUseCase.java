package ai.zelto.application.port.in.phone;

import ai.zelto.application.readmodel.PhoneCallFilter;
import ai.zelto.application.readmodel.PhoneCallPage;
import ai.zelto.application.readmodel.PhoneCallView;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.phone.PhoneCall;
import ai.zelto.domain.phone.PhoneCallId;
import java.util.List;
import java.util.Optional;

/** Calls an organization places to people, and every call it has had. */
public interface PhoneCallsUseCase {
    /**
     * A call to place.
     *
     * @param to the person's number, E.164
     */
    record Dial(PhoneCall.Channel channel, AgentId agentId, String to) {
    }

    /**
     * Places the call with the agent's worker in its room. A call the provider refused is kept as failed, with the
     * provider's reason, and reported by throwing.
     */
    PhoneCallView dial(OrganizationId organizationId, Dial dial);

    /** Newest first. */
    PhoneCallPage list(OrganizationId organizationId, PhoneCallFilter filter, int limit, String cursor);

    Optional<PhoneCallView> get(OrganizationId organizationId, PhoneCallId id);

    /** The channels the organization has set up, in the order {@link PhoneCall.Channel} lists them. */
    List<PhoneCall.Channel> channels(OrganizationId organizationId);

    /** Hangs up; a call that has already finished is answered unchanged. */
    PhoneCallView hangUp(OrganizationId organizationId, PhoneCallId id);
}
