package ai.zelto.domain.conversation;

import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.organization.OrganizationId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One call, however many deliveries described it. Immutable: {@link #apply} returns the merged result.
 *
 * <p>The merge rule: a delivery replaces the fields it carries and keeps those it omits. The provider and the
 * agent are carried by every delivery. A transcript counts as carried only when it has a turn other than the
 * system prompt, so an empty or prompt-only transcript never wipes a stored one. Metadata merges key by key
 * at the top level: a key the delivery carries replaces the stored value, keys it omits stay (so a provider's
 * later event without an earlier event's analysis keeps that analysis, whatever order they arrive in).
 * Customer number and name are separate fields.
 */
public final class Conversation {
    private final ConversationId id;
    private final OrganizationId organizationId;
    private final String externalId;
    private final String provider;
    private final AgentId agentId;
    private final String version;
    private final Instant startedAt;
    private final Instant endedAt;
    private final BigDecimal durationSeconds;
    private final String endedReason;
    private final BigDecimal cost;
    private final String recordingUrl;
    private final String customerNumber;
    private final String customerName;
    private final String systemPrompt;
    private final Map<String, Object> metadata;
    private final List<TranscriptTurn> turns;
    private final Instant lastReceivedAt;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Conversation(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.organizationId = Objects.requireNonNull(b.organizationId, "organizationId");
        this.externalId = Objects.requireNonNull(b.externalId, "externalId");
        this.provider = Objects.requireNonNull(b.provider, "provider");
        this.agentId = Objects.requireNonNull(b.agentId, "agentId");
        this.version = b.version;
        this.startedAt = b.startedAt;
        this.endedAt = b.endedAt;
        this.durationSeconds = b.durationSeconds;
        this.endedReason = b.endedReason;
        this.cost = b.cost;
        this.recordingUrl = b.recordingUrl;
        this.customerNumber = b.customerNumber;
        this.customerName = b.customerName;
        this.systemPrompt = b.systemPrompt;
        this.metadata = b.metadata == null ? Map.of() : b.metadata;
        this.turns = b.turns == null ? List.of() : List.copyOf(b.turns);
        this.lastReceivedAt = Objects.requireNonNull(b.lastReceivedAt, "lastReceivedAt");
        this.createdAt = Objects.requireNonNull(b.createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(b.updatedAt, "updatedAt");
    }

    /**
     * A new conversation from its first delivery with content.
     *
     * @throws IllegalArgumentException when the delivery has neither transcript nor recording (an unconnected
     *                                  dial creates no conversation)
     */
    public static Conversation create(ConversationId id, OrganizationId organizationId, String provider,
                                      AgentId agentId, CallIngest call, Instant receivedAt, Instant now) {
        if (!call.hasContent()) {
            throw new IllegalArgumentException("a call with neither transcript nor recording creates no conversation");
        }
        Builder b = new Builder();
        b.id = id;
        b.organizationId = organizationId;
        b.externalId = call.externalId();
        b.createdAt = now;
        return b.merge(provider, agentId, call, receivedAt, now).build();
    }

    /** The conversation after one more delivery of the same call, received after all earlier ones. */
    public Conversation apply(String provider, AgentId agentId, CallIngest call, Instant receivedAt, Instant now) {
        if (!call.externalId().equals(externalId)) {
            throw new IllegalArgumentException("a delivery of another call cannot be merged into this one");
        }
        return toBuilder().merge(provider, agentId, call, receivedAt, now).build();
    }

    /**
     * The conversation with a transcript made from its audio. A transcript a delivery carried always wins: this
     * only fills a conversation that has none.
     */
    public Conversation transcribed(List<TranscriptTurn> transcript, Instant now) {
        if (!turns.isEmpty() || transcript.isEmpty()) {
            return this;
        }
        Builder b = toBuilder();
        b.turns = transcript;
        b.updatedAt = now;
        return b.build();
    }

    /** Rebuilds a stored conversation. */
    public static Builder reconstitute() {
        return new Builder();
    }

    /**
     * The seconds the call lasted, for billing: the stated duration, else the span between start and end,
     * else the end of the last timed turn, else zero.
     */
    public BigDecimal billableSeconds() {
        if (durationSeconds != null) {
            return durationSeconds;
        }
        if (startedAt != null && endedAt != null && !endedAt.isBefore(startedAt)) {
            return BigDecimal.valueOf(Duration.between(startedAt, endedAt).toMillis())
                    .divide(BigDecimal.valueOf(1000), 3, RoundingMode.UNNECESSARY);
        }
        return turns.stream()
                .map(TranscriptTurn::endSeconds)
                .filter(Objects::nonNull)
                .max(Double::compare)
                .map(BigDecimal::valueOf)
                .orElse(BigDecimal.ZERO);
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.organizationId = organizationId;
        b.externalId = externalId;
        b.provider = provider;
        b.agentId = agentId;
        b.version = version;
        b.startedAt = startedAt;
        b.endedAt = endedAt;
        b.durationSeconds = durationSeconds;
        b.endedReason = endedReason;
        b.cost = cost;
        b.recordingUrl = recordingUrl;
        b.customerNumber = customerNumber;
        b.customerName = customerName;
        b.systemPrompt = systemPrompt;
        b.metadata = metadata;
        b.turns = turns;
        b.lastReceivedAt = lastReceivedAt;
        b.createdAt = createdAt;
        b.updatedAt = updatedAt;
        return b;
    }

    public ConversationId id() { return id; }
    public OrganizationId organizationId() { return organizationId; }
    public String externalId() { return externalId; }
    public String provider() { return provider; }
    public AgentId agentId() { return agentId; }
    public String version() { return version; }
    public Instant startedAt() { return startedAt; }
    public Instant endedAt() { return endedAt; }
    public BigDecimal durationSeconds() { return durationSeconds; }
    public String endedReason() { return endedReason; }
    public BigDecimal cost() { return cost; }
    public String recordingUrl() { return recordingUrl; }
    public String customerNumber() { return customerNumber; }
    public String customerName() { return customerName; }
    public String systemPrompt() { return systemPrompt; }
    public Map<String, Object> metadata() { return metadata; }
    public List<TranscriptTurn> turns() { return turns; }
    public Instant lastReceivedAt() { return lastReceivedAt; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }

    /** Where the call stands in lists, newest first: its start when known, else when Zelto first stored it. */
    public Instant listedAt() {
        return startedAt != null ? startedAt : createdAt;
    }

    /** Equality of content: everything but the timestamps of Zelto's own bookkeeping. */
    public boolean sameContentAs(Conversation other) {
        return id.equals(other.id) && organizationId.equals(other.organizationId)
                && externalId.equals(other.externalId) && provider.equals(other.provider)
                && agentId.equals(other.agentId) && Objects.equals(version, other.version)
                && Objects.equals(startedAt, other.startedAt) && Objects.equals(endedAt, other.endedAt)
                && sameNumber(durationSeconds, other.durationSeconds)
                && Objects.equals(endedReason, other.endedReason) && sameNumber(cost, other.cost)
                && Objects.equals(recordingUrl, other.recordingUrl)
                && Objects.equals(customerNumber, other.customerNumber)
                && Objects.equals(customerName, other.customerName)
                && Objects.equals(systemPrompt, other.systemPrompt) && Objects.equals(metadata, other.metadata)
                && Objects.equals(turns, other.turns);
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    @Override
    public String toString() {
        return "Conversation[" + id + ", externalId=" + externalId + ", provider=" + provider + ", agent=" + agentId
                + ", version=" + version + ", turns=" + turns.size() + ", recordingUrl=" + recordingUrl + "]";
    }

    /** Assembles a conversation; used by {@link #create}, {@link #apply} and storage adapters. */
    public static final class Builder {
        private ConversationId id;
        private OrganizationId organizationId;
        private String externalId;
        private String provider;
        private AgentId agentId;
        private String version;
        private Instant startedAt;
        private Instant endedAt;
        private BigDecimal durationSeconds;
        private String endedReason;
        private BigDecimal cost;
        private String recordingUrl;
        private String customerNumber;
        private String customerName;
        private String systemPrompt;
        private Map<String, Object> metadata;
        private List<TranscriptTurn> turns;
        private Instant lastReceivedAt;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {
        }

        private Builder merge(String provider, AgentId agentId, CallIngest call, Instant receivedAt, Instant now) {
            this.provider = Objects.requireNonNull(provider, "provider");
            this.agentId = Objects.requireNonNull(agentId, "agentId");
            String deliveredVersion = call.effectiveVersion();
            if (deliveredVersion != null) {
                this.version = deliveredVersion;
            }
            if (call.startedAt() != null) {
                this.startedAt = call.startedAt();
            }
            if (call.endedAt() != null) {
                this.endedAt = call.endedAt();
            }
            if (call.durationSeconds() != null) {
                this.durationSeconds = call.durationSeconds();
            }
            if (call.endedReason() != null) {
                this.endedReason = call.endedReason();
            }
            if (call.cost() != null) {
                this.cost = call.cost();
            }
            if (call.recordingUrl() != null) {
                this.recordingUrl = call.recordingUrl();
            }
            if (call.customerNumber() != null) {
                this.customerNumber = call.customerNumber();
            }
            if (call.customerName() != null) {
                this.customerName = call.customerName();
            }
            String prompt = call.effectiveSystemPrompt();
            if (prompt != null) {
                this.systemPrompt = prompt;
            }
            if (call.metadata() != null) {
                java.util.LinkedHashMap<String, Object> merged = new java.util.LinkedHashMap<>();
                if (this.metadata != null) {
                    merged.putAll(this.metadata);
                }
                merged.putAll(call.metadata());
                this.metadata = java.util.Collections.unmodifiableMap(merged);
            }
            if (call.carriesTranscript()) {
                this.turns = call.turns();
            }
            if (this.lastReceivedAt == null || receivedAt.isAfter(this.lastReceivedAt)) {
                this.lastReceivedAt = receivedAt;
            }
            this.updatedAt = now;
            return this;
        }

        public Builder id(ConversationId value) { this.id = value; return this; }
        public Builder organizationId(OrganizationId value) { this.organizationId = value; return this; }
        public Builder externalId(String value) { this.externalId = value; return this; }
        public Builder provider(String value) { this.provider = value; return this; }
        public Builder agentId(AgentId value) { this.agentId = value; return this; }
        public Builder version(String value) { this.version = value; return this; }
        public Builder startedAt(Instant value) { this.startedAt = value; return this; }
        public Builder endedAt(Instant value) { this.endedAt = value; return this; }
        public Builder durationSeconds(BigDecimal value) { this.durationSeconds = value; return this; }
        public Builder endedReason(String value) { this.endedReason = value; return this; }
        public Builder cost(BigDecimal value) { this.cost = value; return this; }
        public Builder recordingUrl(String value) { this.recordingUrl = value; return this; }
        public Builder customerNumber(String value) { this.customerNumber = value; return this; }
        public Builder customerName(String value) { this.customerName = value; return this; }
        public Builder systemPrompt(String value) { this.systemPrompt = value; return this; }
        public Builder metadata(Map<String, Object> value) { this.metadata = value; return this; }
        public Builder turns(List<TranscriptTurn> value) { this.turns = value; return this; }
        public Builder lastReceivedAt(Instant value) { this.lastReceivedAt = value; return this; }
        public Builder createdAt(Instant value) { this.createdAt = value; return this; }
        public Builder updatedAt(Instant value) { this.updatedAt = value; return this; }

        public Conversation build() {
            return new Conversation(this);
        }
    }
}
