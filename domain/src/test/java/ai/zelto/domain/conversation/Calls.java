package ai.zelto.domain.conversation;

import ai.zelto.domain.agent.AgentReference;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds {@link CallIngest}s for tests: everything absent unless set. */
public final class Calls {
    String externalId = "call-1";
    AgentReference agent = new AgentReference.ByExternalId("agent-1", "Agent");
    Instant startedAt;
    Instant endedAt;
    BigDecimal durationSeconds;
    String endedReason;
    BigDecimal cost;
    String recordingUrl;
    String customerNumber;
    String customerName;
    String version;
    String nativeVersion;
    List<TranscriptTurn> turns;
    String systemPrompt;
    Map<String, Object> metadata;

    public static Calls call(String externalId) {
        Calls calls = new Calls();
        calls.externalId = externalId;
        return calls;
    }

    public Calls turns(TranscriptTurn... value) { this.turns = List.of(value); return this; }
    public Calls recordingUrl(String value) { this.recordingUrl = value; return this; }
    public Calls duration(long seconds) { this.durationSeconds = BigDecimal.valueOf(seconds); return this; }
    public Calls endedReason(String value) { this.endedReason = value; return this; }
    public Calls version(String value) { this.version = value; return this; }
    public Calls nativeVersion(String value) { this.nativeVersion = value; return this; }
    public Calls systemPrompt(String value) { this.systemPrompt = value; return this; }
    public Calls metadata(Map<String, Object> value) { this.metadata = value; return this; }
    public Calls customer(String number, String name) { this.customerNumber = number; this.customerName = name; return this; }
    public Calls times(Instant start, Instant end) { this.startedAt = start; this.endedAt = end; return this; }

    public CallIngest build() {
        return new CallIngest(externalId, agent, startedAt, endedAt, durationSeconds, endedReason, cost, recordingUrl,
                customerNumber, customerName, version, nativeVersion, turns, systemPrompt, metadata, false);
    }

    public static TranscriptTurn user(String text) {
        return new TranscriptTurn(Role.USER, text, null, null);
    }

    public static TranscriptTurn assistant(String text) {
        return new TranscriptTurn(Role.ASSISTANT, text, null, null);
    }

    public static TranscriptTurn system(String text) {
        return new TranscriptTurn(Role.SYSTEM, text, null, null);
    }
}
