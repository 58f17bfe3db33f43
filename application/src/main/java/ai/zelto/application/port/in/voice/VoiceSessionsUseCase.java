package ai.zelto.application.port.in.voice;

import ai.zelto.application.readmodel.VoiceSessionPage;
import ai.zelto.application.readmodel.VoiceSessionView;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.organization.UserId;
import java.util.Optional;

/** Voice sessions: LiveKit rooms with an agent's worker dispatched, for a person to talk to it. */
public interface VoiceSessionsUseCase {
    /**
     * Creates the room with the agent's worker dispatched and a token for the person. Refuses (each with its
     * own exception) an agent of another org, a text agent or one without architecture or worker, an org
     * without credits or without LiveKit, and an org at its limit of open sessions; LiveKit failing is
     * {@code LiveKitUnavailable}, with nothing kept.
     */
    StartedVoiceSession start(OrganizationId organizationId, UserId userId, AgentId agentId);

    /** Newest first; {@code agentId} null for all; {@code cursor} null for the first page. */
    VoiceSessionPage list(OrganizationId organizationId, AgentId agentId, int limit, String cursor);

    Optional<VoiceSessionView> get(OrganizationId organizationId, String roomName);

    /**
     * The LiveKit URL the organization's people connect to ({@code ws(s)://}), for a page that will connect;
     * empty when no usable LiveKit is configured.
     */
    Optional<String> browserUrl(OrganizationId organizationId);

    /** Ends the session and deletes its room; ending an ended session changes nothing. */
    VoiceSessionView end(OrganizationId organizationId, String roomName);
}
