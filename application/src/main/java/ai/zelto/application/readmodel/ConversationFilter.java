package ai.zelto.application.readmodel;

import ai.zelto.domain.agent.AgentId;
import java.time.Instant;

/**
 * Which of an org's conversations a list shows; every part is optional (null) and they combine with AND.
 *
 * @param endedReason   the call's ended reason, exactly
 * @param metadataKey   with {@code metadataValue}: a top-level metadata key whose value is that text (or that
 *                      number or boolean, written as text)
 * @param text          words the call must contain (turn text, the customer's name and number, the external id),
 *                      in web-search syntax: words, {@code "a phrase"}, {@code or}, {@code -word}
 * @param from          inclusive lower bound on {@code startedAt}
 * @param to            exclusive upper bound on {@code startedAt}
 */
public record ConversationFilter(AgentId agentId, String provider, String version, String externalId,
                                 String endedReason, String metadataKey, String metadataValue, String text,
                                 Instant from, Instant to) {
    public static final ConversationFilter NONE = new ConversationFilter(null, null, null, null, null, null, null, null,
            null, null);
    public static final int MAX_TEXT_LENGTH = 500;

    public ConversationFilter {
        if ((metadataKey == null) != (metadataValue == null)) {
            throw new IllegalArgumentException("a metadata filter has both a key and a value");
        }
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("search text is at most " + MAX_TEXT_LENGTH + " characters");
        }
    }

    public ConversationFilter withAgent(AgentId agent) {
        return new ConversationFilter(agent, provider, version, externalId, endedReason, metadataKey, metadataValue,
                text, from, to);
    }

    public ConversationFilter withText(String words) {
        return new ConversationFilter(agentId, provider, version, externalId, endedReason, metadataKey, metadataValue,
                words, from, to);
    }
}
