package ai.zelto.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.domain.conversation.Conversation;
import ai.zelto.domain.recording.Recording;
import ai.zelto.domain.recording.RecordingStatus;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link RecordingRepository} must do. */
public abstract class RecordingRepositoryContract extends PortContract {
    private Conversation conversation;

    @BeforeEach
    void saveAConversation() {
        conversation = savedConversation("call-1");
    }

    private static Recording stored(String blobKey) {
        return new Recording(null, RecordingStatus.STORED, null, "audio/wav", 44L, new BigDecimal("2.5"), blobKey,
                "ab12");
    }

    @Test
    void aCopy_isPendingUntilStored_fromTheUrlItWasAskedFor() {
        assertThat(ports.recordings().find(conversation.id())).isEmpty();

        ports.recordings().requestCopy(conversation.id(), "https://example.com/a.wav", ContractFixtures.NOW);
        assertThat(ports.recordings().find(conversation.id())).contains(Recording.pending("https://example.com/a.wav"));

        ports.recordings().markStored(conversation.id(), "https://example.com/a.wav", stored("recordings/a"),
                ContractFixtures.later(1));
        assertThat(ports.recordings().find(conversation.id())).hasValueSatisfying(recording -> {
            assertThat(recording.status()).isEqualTo(RecordingStatus.STORED);
            assertThat(recording.sourceUrl()).isEqualTo("https://example.com/a.wav");
            assertThat(recording.blobKey()).isEqualTo("recordings/a");
            assertThat(recording.bytes()).isEqualTo(44L);
            assertThat(recording.durationSeconds()).isEqualByComparingTo("2.5");
            assertThat(recording.sha256()).isEqualTo("ab12");
        });
    }

    @Test
    void anOutcomeForAnOlderUrl_changesNothing_whenANewerOneWasAskedFor() {
        ports.recordings().requestCopy(conversation.id(), "https://example.com/old.wav", ContractFixtures.NOW);
        ports.recordings().requestCopy(conversation.id(), "https://example.com/new.wav", ContractFixtures.later(1));

        ports.recordings().markStored(conversation.id(), "https://example.com/old.wav", stored("recordings/old"),
                ContractFixtures.later(2));
        ports.recordings().markProblem(conversation.id(), "https://example.com/old.wav", new Recording(null,
                RecordingStatus.FAILED, "404", null, null, null, null, null), ContractFixtures.later(2));

        assertThat(ports.recordings().find(conversation.id()))
                .contains(Recording.pending("https://example.com/new.wav"));
    }

    @Test
    void anUploadedFile_isStoredWithoutASourceUrl() {
        ports.recordings().storeUploaded(conversation.id(), stored("uploads/x"), ContractFixtures.NOW);

        assertThat(ports.recordings().find(conversation.id())).hasValueSatisfying(recording -> {
            assertThat(recording.sourceUrl()).isNull();
            assertThat(recording.status()).isEqualTo(RecordingStatus.STORED);
            assertThat(recording.blobKey()).isEqualTo("uploads/x");
        });
    }
}
