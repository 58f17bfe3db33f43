package ai.zelto.application.readmodel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Figures of one agent version over its conversations.
 *
 * @param version null for conversations with no version
 * @param avgDurationSeconds over the conversations that have a duration, or null when none has
 * @param endedReasons how many calls ended for each reason, most frequent first ({@code ""} for none given)
 */
public record VersionStats(String version, long calls, BigDecimal avgDurationSeconds, BigDecimal totalCost,
                           Instant firstSeenAt, Instant lastSeenAt, Map<String, Long> endedReasons) {
    public VersionStats {
        endedReasons = Collections.unmodifiableMap(new LinkedHashMap<>(endedReasons));
    }
}
