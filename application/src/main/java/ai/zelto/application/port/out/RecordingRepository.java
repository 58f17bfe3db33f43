package ai.zelto.application.port.out;

import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.recording.Recording;
import java.time.Instant;
import java.util.Optional;

/**
 * The state of each conversation's recording copy. Updates that concern a source URL apply only while that is
 * still the conversation's source, so a slow copy of an old URL never overwrites a newer one.
 */
public interface RecordingRepository {
    Optional<Recording> find(ConversationId conversationId);

    /** A copy of this URL is wanted: status pending, any earlier copy forgotten. */
    void requestCopy(ConversationId conversationId, String sourceUrl, Instant at);

    /** An uploaded file is the conversation's recording now, already stored. */
    void storeUploaded(ConversationId conversationId, Recording stored, Instant at);

    /** The copy of {@code sourceUrl} is stored (ignored when the source changed meanwhile). */
    void markStored(ConversationId conversationId, String sourceUrl, Recording stored, Instant at);

    /** Copying {@code sourceUrl} failed for now or for good (ignored when the source changed meanwhile). */
    void markProblem(ConversationId conversationId, String sourceUrl, Recording withProblem, Instant at);
}
