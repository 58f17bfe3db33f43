package ai.zelto.application.port.out;

import ai.zelto.application.readmodel.VoiceSessionView;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.voice.VoiceSession;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Voice sessions, and the LiveKit webhook events already acted on. */
public interface VoiceSessionRepository {
    /** A position in the newest-first order. */
    record Position(Instant createdAt, String roomName) {
    }

    /**
     * Stores the session unless its organization already has {@code max} open ones (see
     * {@link VoiceSession#isOpen}); two starts of one organization are decided one after the other.
     *
     * @return false, and nothing stored, at the limit
     */
    boolean insertWithinLimit(VoiceSession session, int max, Instant now);

    /** Removes a session whose room could not be created. */
    void delete(String roomName);

    Optional<VoiceSessionView> find(OrganizationId organizationId, String roomName);

    /** The session of a room, whatever its organization: for LiveKit's webhooks, which name only the room. */
    Optional<VoiceSession> findByRoom(String roomName);

    /** Newest first, after {@code after} when given; {@code agentId} null for every agent. */
    List<VoiceSessionView> list(OrganizationId organizationId, AgentId agentId, int limit, Position after);

    /** Marks the session active (unless it already ended), keeping the first start time. */
    void started(String roomName, Instant at);

    /** Marks the session ended, keeping the first end time. */
    void ended(String roomName, Instant at);

    /** Whether this webhook event id was already acted on. */
    boolean seen(String eventId);

    /** Remembers a webhook event id; a repeated one is ignored. */
    void remember(String eventId, Instant at);

    /** Forgets at most {@code limit} webhook event ids received before {@code before}; how many were forgotten. */
    int forgetWebhookEvents(Instant before, int limit);
}
