package ai.zelto.domain.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * What of a session is sent to the model: the system prompt always, then the newest messages that fit a budget
 * of estimated tokens; older ones are dropped. A token is estimated as four characters (the usual rule of thumb
 * for English with OpenAI's tokenizers), plus four for each message's envelope; no tokenizer is loaded, since the
 * model behind the API is not known here.
 */
public final class ChatHistory {
    private static final int ENVELOPE_TOKENS = 4;

    private ChatHistory() {
    }

    /** The estimated tokens of one message's text and envelope. */
    public static int tokens(String text) {
        return (text.length() + 3) / 4 + ENVELOPE_TOKENS;
    }

    /**
     * The newest messages whose estimate, with the system prompt's, fits {@code budget}; always at least the last
     * one (the message being answered), even alone over the budget.
     */
    public static List<ChatMessage> fit(String systemPrompt, List<ChatMessage> messages, int budget) {
        int left = budget - (systemPrompt == null || systemPrompt.isEmpty() ? 0 : tokens(systemPrompt));
        List<ChatMessage> kept = new ArrayList<>();
        for (int i = messages.size() - 1; i >= 0; i--) {
            int cost = tokens(messages.get(i).text());
            if (!kept.isEmpty() && cost > left) {
                break;
            }
            left -= cost;
            kept.add(0, messages.get(i));
        }
        return kept;
    }
}
