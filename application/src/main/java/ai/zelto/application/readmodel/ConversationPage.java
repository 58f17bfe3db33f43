package ai.zelto.application.readmodel;

import java.util.List;

/** @param next the cursor of the following page, or null on the last page */
public record ConversationPage(List<ConversationView> data, PageCursor next) {
    public ConversationPage {
        data = List.copyOf(data);
    }
}
