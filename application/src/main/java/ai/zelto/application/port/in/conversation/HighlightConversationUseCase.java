package ai.zelto.application.port.in.conversation;

import ai.zelto.application.readmodel.SearchHit;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.organization.OrganizationId;
import java.util.List;
import java.util.Map;

/** Where a search's words fall in one conversation, turn by turn, so a page can mark them and open at the first. */
public interface HighlightConversationUseCase {
    /** Zero-based turn index to that turn's text in plain and matched fragments; only turns with a match. */
    Map<Integer, List<SearchHit.Fragment>> highlight(OrganizationId organizationId, ConversationId id, String text);
}
