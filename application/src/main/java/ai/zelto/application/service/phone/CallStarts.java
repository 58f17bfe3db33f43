package ai.zelto.application.service.phone;

import ai.zelto.application.port.out.AgentRepository;
import ai.zelto.application.port.out.CreditLedger;
import ai.zelto.application.port.out.LiveKit;
import ai.zelto.application.port.out.LiveKitConnector;
import ai.zelto.application.service.voice.LiveKitConnections;
import ai.zelto.application.service.voice.VoiceAgents;
import ai.zelto.application.service.voice.VoiceRefusals;
import ai.zelto.domain.agent.Agent;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.agent.AgentNotFoundException;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.phone.PhoneCall;
import ai.zelto.domain.shared.DomainException;
import java.util.Optional;

/**
 * What every call needs before it starts, checked in the order voice sessions check it — the agent (it exists,
 * takes voice, has a worker), the balance (fail-closed), LiveKit — and the room it joins.
 */
final class CallStarts {
    /** Everything a call starts with. */
    record Ready(Agent agent, LiveKit.Endpoint endpoint) {
    }

    private final AgentRepository agents;
    private final CreditLedger credits;
    private final LiveKitConnections connections;

    CallStarts(AgentRepository agents, CreditLedger credits, LiveKitConnections connections) {
        this.agents = agents;
        this.credits = credits;
        this.connections = connections;
    }

    /**
     * @throws DomainException 404 for another organization's agent, 400 for one that cannot take voice, 402 for no
     *                         credits, 409 or 500 for LiveKit
     */
    Ready check(OrganizationId organizationId, AgentId agentId) {
        Agent agent = agents.find(organizationId, agentId).orElseThrow(() -> new AgentNotFoundException(agentId));
        VoiceAgents.require(agent);
        if (credits.balance(organizationId).balance() <= 0) {
            throw new VoiceRefusals.NoCredits();
        }
        return new Ready(agent, connections.endpointFor(organizationId));
    }

    /**
     * The same checks for a person's call coming in, where nobody is there to read an exception: what keeps the
     * inbound agent from answering, in words for the call's record.
     *
     * @param agentId the channel's inbound agent, or null when none is set
     * @return the agent and LiveKit, or why the call must be refused
     */
    Result inbound(OrganizationId organizationId, AgentId agentId, String channel) {
        if (agentId == null) {
            return Result.refused("no inbound agent is set for " + channel + " (PUT /v1/integrations/" + channel
                    + " {\"inboundAgentId\"})");
        }
        try {
            return Result.ready(check(organizationId, agentId));
        } catch (AgentNotFoundException gone) {
            return Result.refused("the inbound agent set for " + channel + " no longer exists");
        } catch (DomainException refused) {
            return Result.refused(refused.getMessage());
        } catch (RuntimeException unreadable) {
            // the balance could not be read: fail closed
            return Result.refused("Zelto could not read your balance: " + unreadable.getClass().getSimpleName());
        }
    }

    /** Either a call can start, or why not. */
    record Result(Optional<Ready> ready, String refusal) {
        static Result ready(Ready ready) {
            return new Result(Optional.of(ready), null);
        }

        static Result refused(String refusal) {
            return new Result(Optional.empty(), refusal);
        }
    }

    /** The room of a call, its agent's worker dispatched with the ids it needs to find the call. */
    static LiveKitConnector.Room room(PhoneCall call, Agent agent, String identity, String name) {
        String metadata = "{\"agent_id\":\"" + agent.id() + "\",\"org_id\":\"" + call.organizationId()
                + "\",\"phone_call_id\":\"" + call.id() + "\"}";
        return new LiveKitConnector.Room(call.roomName(), new LiveKit.Dispatch(agent.livekitAgentName(), metadata),
                identity, name);
    }
}
