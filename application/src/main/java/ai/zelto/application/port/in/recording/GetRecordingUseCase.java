package ai.zelto.application.port.in.recording;

import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.organization.OrganizationId;
import java.util.Optional;

/** The stored copy of a conversation's recording, for playback; empty when none is stored. */
public interface GetRecordingUseCase {
    Optional<RecordingAudio> getRecording(OrganizationId organizationId, ConversationId conversationId);
}
