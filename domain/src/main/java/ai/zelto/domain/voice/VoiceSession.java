package ai.zelto.domain.voice;

import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.organization.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A LiveKit room Zelto created for a person to talk to an agent: created, active once LiveKit says the room
 * started, ended when it finished or someone ended it. Its transcript arrives later as a conversation whose
 * external id is the room name.
 */
public record VoiceSession(String roomName, OrganizationId organizationId, AgentId agentId, UserId userId,
                           Status status, Instant createdAt, Instant startedAt, Instant endedAt) {
    /** How long the participant token is valid: after that nobody new can join the room. */
    public static final Duration TOKEN_VALIDITY = Duration.ofHours(1);

    /** Where a session is in its life. */
    public enum Status {
        CREATED, ACTIVE, ENDED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status parse(String stored) {
            return valueOf(stored.toUpperCase(Locale.ROOT));
        }
    }

    public VoiceSession {
        Objects.requireNonNull(roomName, "roomName");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new session, its room named {@code agent_{agent_id}_{user_id}_{unix_millis}} as the product documents. */
    public static VoiceSession create(OrganizationId organizationId, AgentId agentId, UserId userId, Instant now) {
        String roomName = "agent_" + agentId + "_" + userId + "_" + now.toEpochMilli();
        return new VoiceSession(roomName, organizationId, agentId, userId, Status.CREATED, now, null, null);
    }

    /**
     * Whether the session still counts against the organization's limit of open sessions: until it ended, or,
     * for a room nobody ever started, until its token expired (nobody can join it any more).
     */
    public boolean isOpen(Instant now) {
        return status == Status.ACTIVE || (status == Status.CREATED && now.isBefore(createdAt.plus(TOKEN_VALIDITY)));
    }
}
