package ai.zelto.adapters.http.conversation;

import ai.zelto.adapters.http.common.Json;
import ai.zelto.application.readmodel.ConversationView;
import ai.zelto.application.readmodel.SearchHit;
import ai.zelto.domain.agent.Agent;
import ai.zelto.domain.conversation.Conversation;
import ai.zelto.domain.conversation.TranscriptTurn;
import ai.zelto.domain.recording.Recording;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A conversation as {@code GET /v1/conversations[/{id}]} shows it. */
public record ConversationResponse(String id, String externalId, String provider, AgentRef agent, String version,
                                   String startedAt, String endedAt, BigDecimal durationSeconds, String endedReason,
                                   BigDecimal cost, String recordingUrl, Customer customer, String systemPrompt,
                                   Map<String, Object> metadata, Transcript transcript, RecordingState recording,
                                   String createdAt, String updatedAt,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) Match match) {

    /**
     * For a search ({@code q}): the first turn holding the words (zero-based {@code turnIndex}, or -1 when they
     * matched the customer or the external id) and an excerpt of it.
     */
    public record Match(int turnIndex, String snippet) {
    }

    /** Zelto's copy of the recording: {@code pending}, {@code stored} or {@code failed} (with the reason). */
    public record RecordingState(String sourceUrl, String status, String reason, String contentType, Long bytes,
                                 BigDecimal durationSeconds) {
    }

    public record AgentRef(String id, String externalId, String name) {
    }

    public record Customer(String number, String name) {
    }

    public record Transcript(List<Turn> turns) {
    }

    public record Turn(String role, String text, Double startSeconds, Double endSeconds) {
    }

    static ConversationResponse from(ConversationView view, SearchHit hit) {
        Conversation c = view.conversation();
        Agent agent = view.agent();
        return new ConversationResponse(c.id().toString(), c.externalId(), c.provider(),
                new AgentRef(agent.id().toString(), agent.externalId(), agent.displayName()), c.version(),
                Json.time(c.startedAt()), Json.time(c.endedAt()), c.durationSeconds(), c.endedReason(), c.cost(),
                c.recordingUrl(), new Customer(c.customerNumber(), c.customerName()), c.systemPrompt(),
                c.metadata(), new Transcript(c.turns().stream().map(ConversationResponse::turn).toList()),
                recording(view.recording()), Json.time(c.createdAt()), Json.time(c.updatedAt()),
                hit == null ? null : new Match(hit.turnIndex(), hit.text()));
    }

    private static RecordingState recording(Recording recording) {
        if (recording == null) {
            return null;
        }
        return new RecordingState(recording.sourceUrl(), recording.status().wireName(), recording.reason(),
                recording.contentType(), recording.bytes(), recording.durationSeconds());
    }

    private static Turn turn(TranscriptTurn turn) {
        return new Turn(turn.role().wireName(), turn.text(), turn.startSeconds(), turn.endSeconds());
    }
}
