package ai.zelto.application.service.recording;

import ai.zelto.application.port.in.recording.GetRecordingUseCase;
import ai.zelto.application.port.in.recording.RecordingAudio;
import ai.zelto.application.port.out.BlobStore;
import ai.zelto.application.port.out.ConversationQueries;
import ai.zelto.application.port.out.RecordingRepository;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.recording.Recording;
import ai.zelto.domain.recording.RecordingStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.OptionalLong;

/** Serves the stored copy; the conversation must belong to the caller's organization. */
public final class RecordingPlaybackService implements GetRecordingUseCase {
    private final ConversationQueries conversations;
    private final RecordingRepository recordings;
    private final BlobStore blobs;

    public RecordingPlaybackService(ConversationQueries conversations, RecordingRepository recordings,
                                    BlobStore blobs) {
        this.conversations = conversations;
        this.recordings = recordings;
        this.blobs = blobs;
    }

    @Override
    public Optional<RecordingAudio> getRecording(OrganizationId organizationId, ConversationId conversationId) {
        if (conversations.find(organizationId, conversationId).isEmpty()) {
            return Optional.empty();
        }
        Optional<Recording> recording = recordings.find(conversationId)
                .filter(r -> r.status() == RecordingStatus.STORED || r.blobKey() != null);
        if (recording.isEmpty() || recording.get().blobKey() == null) {
            return Optional.empty();
        }
        Recording stored = recording.get();
        OptionalLong size;
        try {
            size = blobs.size(stored.blobKey());
        } catch (IOException e) {
            throw new UncheckedIOException("the blob store could not be read", e);
        }
        if (size.isEmpty()) {
            return Optional.empty();
        }
        long bytes = size.getAsLong();
        return Optional.of(new RecordingAudio() {
            @Override
            public Recording recording() {
                return stored;
            }

            @Override
            public long size() {
                return bytes;
            }

            @Override
            public InputStream open(long offset, long length) throws IOException {
                return blobs.read(stored.blobKey(), offset, length);
            }
        });
    }
}
