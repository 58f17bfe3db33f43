package ai.zelto.application.spi.provider;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A finished call in Zelto's canonical terms, as a plugin produces it. Every field but {@code externalId} and
 * an agent reference may be {@code null}, meaning "this delivery does not say": a later delivery of the same
 * {@code externalId} keeps what earlier ones said about the fields it leaves {@code null}.
 *
 * @param externalId      the provider's id of the call (1..255 characters): the dedup key within the org
 * @param agentId         the id of an agent already in the org; wins over {@code agentExternalId}
 * @param agentExternalId the provider's id of the agent; Zelto finds or creates the agent by it
 * @param agentName       the agent's name, used when the agent is created
 * @param durationSeconds the call's length in seconds (>= 0)
 * @param cost            what the provider charged, in US dollars (>= 0)
 * @param recordingUrl    an http(s) URL of the recording
 * @param version         a version the caller states explicitly (wins over everything)
 * @param nativeVersion   a version the provider's payload carries (used when {@code version} is absent)
 * @param turns           the transcript; {@code null} when the delivery carries none
 * @param systemPrompt    the agent's system prompt for this call
 * @param metadata        a JSON object as plain Java values: maps, lists, strings, numbers, booleans, nulls
 */
public record CanonicalCall(String externalId, String agentId, String agentExternalId, String agentName,
                            Instant startedAt, Instant endedAt, BigDecimal durationSeconds, String endedReason,
                            BigDecimal cost, String recordingUrl, String customerNumber, String customerName,
                            String version, String nativeVersion, List<CanonicalTurn> turns, String systemPrompt,
                            Map<String, Object> metadata) {
    public CanonicalCall {
        Objects.requireNonNull(externalId, "externalId");
        if (agentId == null && agentExternalId == null) {
            throw new IllegalArgumentException("a call needs agentId or agentExternalId");
        }
        turns = turns == null ? null : List.copyOf(turns);
    }

    /** Starts a call with its two required parts; see {@link Builder}. */
    public static Builder builder(String externalId) {
        return new Builder(externalId);
    }

    /** Builds a {@link CanonicalCall} field by field. */
    public static final class Builder {
        private final String externalId;
        private String agentId;
        private String agentExternalId;
        private String agentName;
        private Instant startedAt;
        private Instant endedAt;
        private BigDecimal durationSeconds;
        private String endedReason;
        private BigDecimal cost;
        private String recordingUrl;
        private String customerNumber;
        private String customerName;
        private String version;
        private String nativeVersion;
        private List<CanonicalTurn> turns;
        private String systemPrompt;
        private Map<String, Object> metadata;

        private Builder(String externalId) {
            this.externalId = externalId;
        }

        public Builder agentId(String value) { this.agentId = value; return this; }
        public Builder agentExternalId(String value) { this.agentExternalId = value; return this; }
        public Builder agentName(String value) { this.agentName = value; return this; }
        public Builder startedAt(Instant value) { this.startedAt = value; return this; }
        public Builder endedAt(Instant value) { this.endedAt = value; return this; }
        public Builder durationSeconds(BigDecimal value) { this.durationSeconds = value; return this; }
        public Builder endedReason(String value) { this.endedReason = value; return this; }
        public Builder cost(BigDecimal value) { this.cost = value; return this; }
        public Builder recordingUrl(String value) { this.recordingUrl = value; return this; }
        public Builder customerNumber(String value) { this.customerNumber = value; return this; }
        public Builder customerName(String value) { this.customerName = value; return this; }
        public Builder version(String value) { this.version = value; return this; }
        public Builder nativeVersion(String value) { this.nativeVersion = value; return this; }
        public Builder turns(List<CanonicalTurn> value) { this.turns = value; return this; }
        public Builder systemPrompt(String value) { this.systemPrompt = value; return this; }
        public Builder metadata(Map<String, Object> value) { this.metadata = value; return this; }

        public CanonicalCall build() {
            return new CanonicalCall(externalId, agentId, agentExternalId, agentName, startedAt, endedAt,
                    durationSeconds, endedReason, cost, recordingUrl, customerNumber, customerName, version,
                    nativeVersion, turns, systemPrompt, metadata);
        }
    }
}
