package ai.zelto.application.readmodel;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Figures of one agent version over its conversations.
 *
 * @param version null for conversations with no version
 * @param avgDurationSeconds over the conversations that have a duration, or null when none has
 */
public record VersionStats(String version, long calls, BigDecimal avgDurationSeconds, BigDecimal totalCost,
                           Instant firstSeenAt, Instant lastSeenAt) {
}
