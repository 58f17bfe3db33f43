package ai.zelto.application.readmodel;

import ai.zelto.domain.organization.OrganizationId;
import java.util.Objects;

/**
 * A page of an org's conversations, newest first (by start time, else creation time).
 *
 * @param after  the position after which the page starts (from a cursor), or null for the first page
 * @param before instead of {@code after}: the page just before this position (newer calls), still newest first;
 *               for stepping back through a list
 */
public record ConversationQuery(OrganizationId organizationId, ConversationFilter filter,
                                int limit, PageCursor after, PageCursor before) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public ConversationQuery {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(filter, "filter");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit is 1.." + MAX_LIMIT);
        }
        if (after != null && before != null) {
            throw new IllegalArgumentException("a page starts after a position or ends before one, not both");
        }
    }
}
