package ai.zelto.domain.chat;

import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.organization.UserId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A person's chat with a text agent: open while messages come, ended by the caller or after it stayed idle. Once
 * ended (and no reply is still on its way) it is handed to ingestion as one conversation whose external id is
 * the session id.
 *
 * @param userId       whose session it is: the key's user or the signed-in person; null for neither
 * @param metadata     a JSON object, kept on the conversation ({@code channel} is {@code "chat"})
 * @param messageCount messages stored so far, both sides
 * @param endedReason  {@code "ended"} (someone ended it) or {@code "idle"}; null while open
 */
public record ChatSession(ChatSessionId id, OrganizationId organizationId, AgentId agentId, UserId userId,
                          String metadata, Status status, Instant createdAt, Instant lastActivityAt,
                          Instant endedAt, String endedReason, int messageCount) {
    /** Where a session is in its life. */
    public enum Status {
        OPEN, ENDED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status parse(String stored) {
            return valueOf(stored.toUpperCase(Locale.ROOT));
        }
    }

    public ChatSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastActivityAt, "lastActivityAt");
    }

    public static ChatSession open(OrganizationId organizationId, AgentId agentId, UserId userId, String metadata,
                                   Instant now) {
        return new ChatSession(ChatSessionId.newId(), organizationId, agentId, userId, metadata, Status.OPEN, now,
                now, null, null, 0);
    }
}
