package ai.zelto.domain.conversation;

import ai.zelto.domain.agent.AgentReference;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one delivery says about a finished call, in Zelto's canonical terms. A {@code null} field (or a
 * {@code null} list of turns) means the delivery does not carry it, so merging keeps the stored value.
 *
 * @param externalId      the caller's id of the call: the dedup key within the organization
 * @param version         the version the caller stated explicitly
 * @param nativeVersion   a version the provider's own payload carries (used when no explicit one is given)
 * @param turns           the transcript, or {@code null} when the delivery carries none
 * @param metadata        free-form JSON object (maps, lists, strings, numbers, booleans, nulls)
 * @param audioAttached   whether the delivery came with an audio file (an audio-only upload)
 */
public record CallIngest(String externalId, AgentReference agent, Instant startedAt, Instant endedAt,
                         BigDecimal durationSeconds, String endedReason, BigDecimal cost, String recordingUrl,
                         String customerNumber, String customerName, String version, String nativeVersion,
                         List<TranscriptTurn> turns, String systemPrompt, Map<String, Object> metadata,
                         boolean audioAttached) {
    public static final int MAX_EXTERNAL_ID_LENGTH = 255;

    public CallIngest {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(agent, "agent");
        if (externalId.isEmpty() || externalId.length() > MAX_EXTERNAL_ID_LENGTH) {
            throw new IllegalArgumentException("call.externalId is 1 to 255 characters");
        }
        if (version != null && !Version.isValid(version)) {
            throw new IllegalArgumentException("version is 1 to 255 characters");
        }
        if (nativeVersion != null && !Version.isValid(nativeVersion)) {
            throw new IllegalArgumentException("a provider version is 1 to 255 characters");
        }
        requireNotNegative(durationSeconds, "call.durationSeconds");
        requireNotNegative(cost, "call.cost");
        turns = turns == null ? null : List.copyOf(turns);
        metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    private static void requireNotNegative(BigDecimal value, String name) {
        if (value != null && value.signum() < 0) {
            throw new IllegalArgumentException(name + " must be >= 0");
        }
    }

    /** The explicit system prompt, else the text of a leading system turn. */
    public String effectiveSystemPrompt() {
        if (systemPrompt != null) {
            return systemPrompt;
        }
        if (turns != null && !turns.isEmpty() && turns.get(0).role() == Role.SYSTEM) {
            return turns.get(0).text();
        }
        return null;
    }

    /** The version this delivery stands for, by {@link Version#derive}. */
    public String effectiveVersion() {
        return Version.derive(version, nativeVersion, effectiveSystemPrompt());
    }

    /**
     * Whether the delivery carries a transcript. Turns that are only the system prompt do not count: nobody
     * spoke, so a dial that was never answered stays an unconnected dial.
     */
    public boolean carriesTranscript() {
        return turns != null && turns.stream().anyMatch(turn -> turn.role() != Role.SYSTEM);
    }

    /** Whether this delivery may create a conversation: it has a transcript, a recording URL or audio. */
    public boolean hasContent() {
        return carriesTranscript() || recordingUrl != null || audioAttached;
    }

    /** This delivery with an uploaded audio file, and the file's duration when the call states none. */
    public CallIngest withAudio(java.math.BigDecimal audioSeconds) {
        return new CallIngest(externalId, agent, startedAt, endedAt, durationSeconds != null ? durationSeconds
                : audioSeconds, endedReason, cost, recordingUrl, customerNumber, customerName, version, nativeVersion,
                turns, systemPrompt, metadata, true);
    }

    /** This delivery with the customer's number Zelto knows, when it states none itself. */
    public CallIngest withKnownCustomerNumber(String number) {
        if (customerNumber != null || number == null) {
            return this;
        }
        return new CallIngest(externalId, agent, startedAt, endedAt, durationSeconds, endedReason, cost, recordingUrl,
                number, customerName, version, nativeVersion, turns, systemPrompt, metadata, audioAttached);
    }
}
