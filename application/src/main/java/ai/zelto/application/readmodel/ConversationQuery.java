package ai.zelto.application.readmodel;

import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.organization.OrganizationId;
import java.time.Instant;
import java.util.Objects;

/**
 * A page of an org's conversations, newest first (by start time, else creation time).
 *
 * @param from  inclusive lower bound on {@code startedAt}, or null
 * @param to    exclusive upper bound on {@code startedAt}, or null
 * @param after the position after which the page starts (from a cursor), or null for the first page
 */
public record ConversationQuery(OrganizationId organizationId, AgentId agentId, String provider, String version,
                                String externalId, Instant from, Instant to, int limit, PageCursor after) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public ConversationQuery {
        Objects.requireNonNull(organizationId, "organizationId");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit is 1.." + MAX_LIMIT);
        }
    }
}
