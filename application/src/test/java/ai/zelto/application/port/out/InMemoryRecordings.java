package ai.zelto.application.port.out;

import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.recording.Recording;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Recordings in memory, one per conversation. A copy's outcome counts only while the recording still comes from
 * the URL it was fetched from, as in the real adapter: a newer URL wins over an older fetch.
 */
public final class InMemoryRecordings implements RecordingRepository, InMemoryStore.Part {
    private Map<ConversationId, Recording> byConversation = new LinkedHashMap<>();

    public InMemoryRecordings(InMemoryStore store) {
        store.register(this);
    }

    @Override
    public Optional<Recording> find(ConversationId conversationId) {
        return Optional.ofNullable(byConversation.get(conversationId));
    }

    @Override
    public void requestCopy(ConversationId conversationId, String sourceUrl, Instant at) {
        byConversation.put(conversationId, Recording.pending(sourceUrl));
    }

    @Override
    public void storeUploaded(ConversationId conversationId, Recording stored, Instant at) {
        byConversation.put(conversationId, from(null, stored));
    }

    @Override
    public void markStored(ConversationId conversationId, String sourceUrl, Recording stored, Instant at) {
        markIfStillFrom(conversationId, sourceUrl, stored);
    }

    @Override
    public void markProblem(ConversationId conversationId, String sourceUrl, Recording withProblem, Instant at) {
        markIfStillFrom(conversationId, sourceUrl, withProblem);
    }

    private void markIfStillFrom(ConversationId conversationId, String sourceUrl, Recording outcome) {
        Recording current = byConversation.get(conversationId);
        if (current != null && Objects.equals(current.sourceUrl(), sourceUrl)) {
            byConversation.put(conversationId, from(sourceUrl, outcome));
        }
    }

    /** The outcome's state, kept with the URL the recording comes from (an outcome never changes it). */
    private static Recording from(String sourceUrl, Recording outcome) {
        return new Recording(sourceUrl, outcome.status(), outcome.reason(), outcome.contentType(), outcome.bytes(),
                outcome.durationSeconds(), outcome.blobKey(), outcome.sha256());
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(byConversation);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        byConversation = new LinkedHashMap<>((Map<ConversationId, Recording>) snapshot);
    }
}
