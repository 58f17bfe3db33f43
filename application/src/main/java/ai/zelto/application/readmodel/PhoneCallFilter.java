package ai.zelto.application.readmodel;

import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.phone.PhoneCall;

/** Which calls a list shows; a null field does not filter. */
public record PhoneCallFilter(PhoneCall.Channel channel, PhoneCall.Direction direction, AgentId agentId,
                              PhoneCall.Status status) {
}
