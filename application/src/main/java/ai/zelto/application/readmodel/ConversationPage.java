package ai.zelto.application.readmodel;

import ai.zelto.domain.conversation.ConversationId;
import java.util.List;
import java.util.Map;

/**
 * @param next     the cursor of the following (older) page, or null on the last page
 * @param previous the cursor of the preceding (newer) page, or null when this page starts the list
 * @param hits     for a search, where it matched in each conversation of the page
 */
public record ConversationPage(List<ConversationView> data, PageCursor next, PageCursor previous,
                               Map<ConversationId, SearchHit> hits) {
    public ConversationPage {
        data = List.copyOf(data);
        hits = Map.copyOf(hits);
    }
}
