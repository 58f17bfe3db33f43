package ai.zelto.application.service.voice;

import ai.zelto.application.outbound.OutboundGuard;
import ai.zelto.application.port.in.voice.StartedVoiceSession;
import ai.zelto.application.port.in.voice.VoiceSessionsUseCase;
import ai.zelto.application.port.out.AgentRepository;
import ai.zelto.application.port.out.CreditLedger;
import ai.zelto.application.port.out.LiveKit;
import ai.zelto.application.port.out.MemberRepository;
import ai.zelto.application.port.out.VoiceSessionRepository;
import ai.zelto.application.readmodel.CursorText;
import ai.zelto.application.readmodel.VoiceSessionPage;
import ai.zelto.application.readmodel.VoiceSessionView;
import ai.zelto.domain.agent.Agent;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.agent.AgentNotFoundException;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.organization.UserId;
import ai.zelto.domain.shared.ValidationException;
import ai.zelto.domain.user.Member;
import ai.zelto.domain.voice.VoiceSession;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Starts, lists and ends voice sessions. A start checks, in this order: the agent (404, then 400 for a text
 * agent or one without architecture or worker), the balance (402; when it cannot be read, nothing is created),
 * LiveKit's configuration, and the organization's limit of open sessions; then it records the session, creates
 * the room with the worker dispatched, and mints the token. When LiveKit fails, the session is removed again.
 */
public final class VoiceSessionService implements VoiceSessionsUseCase {
    private static final System.Logger LOG = System.getLogger(VoiceSessionService.class.getName());

    private final AgentRepository agents;
    private final MemberRepository members;
    private final CreditLedger credits;
    private final VoiceSessionRepository sessions;
    private final LiveKitConnections connections;
    private final LiveKit liveKit;
    private final Clock clock;
    private final int maxOpenSessions;

    public VoiceSessionService(AgentRepository agents, MemberRepository members, CreditLedger credits,
                               VoiceSessionRepository sessions, LiveKitConnections connections, LiveKit liveKit,
                               Clock clock, int maxOpenSessions) {
        this.agents = agents;
        this.members = members;
        this.credits = credits;
        this.sessions = sessions;
        this.connections = connections;
        this.liveKit = liveKit;
        this.clock = clock;
        this.maxOpenSessions = maxOpenSessions;
    }

    @Override
    public StartedVoiceSession start(OrganizationId organizationId, UserId userId, AgentId agentId) {
        Agent agent = agents.find(organizationId, agentId).orElseThrow(() -> new AgentNotFoundException(agentId));
        VoiceAgents.require(agent);
        if (credits.balance(organizationId).balance() <= 0) {
            throw new VoiceRefusals.NoCredits();
        }
        LiveKit.Endpoint endpoint = connections.endpointFor(organizationId);
        Instant now = clock.instant();
        VoiceSession session = VoiceSession.create(organizationId, agentId, userId, now);
        if (!sessions.insertWithinLimit(session, maxOpenSessions, now)) {
            throw new VoiceRefusals.TooManySessions(maxOpenSessions);
        }
        String metadata = "{\"agent_id\":\"" + agentId + "\",\"org_id\":\"" + organizationId + "\"}";
        try {
            liveKit.createRoom(endpoint, session.roomName(), new LiveKit.Dispatch(agent.livekitAgentName(), metadata));
        } catch (LiveKit.Failure | RuntimeException failed) {
            LOG.log(System.Logger.Level.WARNING, "LiveKit did not create room " + session.roomName() + " on "
                    + endpoint + ": " + failed.getMessage(), failed);
            sessions.delete(session.roomName());
            throw new VoiceRefusals.LiveKitUnavailable();
        }
        String name = members.find(userId).map(Member::displayName).orElse(userId.toString());
        String token = liveKit.participantToken(endpoint, new LiveKit.Participant(session.roomName(),
                userId.toString(), name, VoiceSession.TOKEN_VALIDITY));
        return new StartedVoiceSession(session.roomName(), token, endpoint.browserUrl(), agent.displayName());
    }

    @Override
    public Optional<String> browserUrl(OrganizationId organizationId) {
        try {
            return connections.connectionFor(organizationId).map(c -> c.endpoint().browserUrl());
        } catch (OutboundGuard.Unusable unusable) {
            return Optional.empty();
        }
    }

    @Override
    public VoiceSessionPage list(OrganizationId organizationId, AgentId agentId, int limit, String cursor) {
        VoiceSessionRepository.Position after = cursor == null ? null : decode(cursor);
        List<VoiceSessionView> rows = sessions.list(organizationId, agentId, limit + 1, after);
        if (rows.size() <= limit) {
            return new VoiceSessionPage(rows, null);
        }
        VoiceSession last = rows.get(limit - 1).session();
        return new VoiceSessionPage(rows.subList(0, limit), encode(last.createdAt(), last.roomName()));
    }

    @Override
    public Optional<VoiceSessionView> get(OrganizationId organizationId, String roomName) {
        return sessions.find(organizationId, roomName);
    }

    @Override
    public VoiceSessionView end(OrganizationId organizationId, String roomName) {
        VoiceSessionView view = sessions.find(organizationId, roomName)
                .orElseThrow(VoiceRefusals.SessionNotFound::new);
        if (view.session().status() == VoiceSession.Status.ENDED) {
            return view;
        }
        try {
            Optional<LiveKit.Endpoint> endpoint = connections.connectionFor(organizationId)
                    .map(LiveKitConnections.Connection::endpoint);
            if (endpoint.isPresent()) {
                liveKit.deleteRoom(endpoint.get(), roomName);
            } // with LiveKit no longer configured there is no room Zelto could delete: the record still ends
        } catch (OutboundGuard.Unusable unusable) {
            throw new VoiceRefusals.LiveKitUnavailable("your LiveKit URL cannot be used now (" + unusable.getMessage()
                    + "); the session is still open");
        } catch (LiveKit.Failure failed) {
            LOG.log(System.Logger.Level.WARNING, "LiveKit did not delete room " + roomName + ": "
                    + failed.getMessage(), failed);
            throw new VoiceRefusals.LiveKitUnavailable("LiveKit did not delete the room; the session is still open,"
                    + " try again");
        }
        sessions.ended(roomName, clock.instant());
        return sessions.find(organizationId, roomName).orElseThrow();
    }

    /** An opaque cursor: the creation time and room name of the last session of a page. */
    static String encode(Instant createdAt, String roomName) {
        return new CursorText(createdAt, roomName).encode();
    }

    static VoiceSessionRepository.Position decode(String cursor) {
        return CursorText.decode(cursor).map(text -> new VoiceSessionRepository.Position(text.at(), text.key()))
                .orElseThrow(() -> ValidationException.of("cursor", "is not a cursor this API gave"));
    }
}
