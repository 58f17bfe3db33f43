package ai.zelto.application.service.chat;

import java.time.Duration;

/**
 * The bounds of chat sessions.
 *
 * @param maxMessageChars the longest message a person may send
 * @param historyTokens   the estimated tokens of history sent to the model with each message (the system prompt
 *                        always, then the newest messages that fit)
 * @param maxMessages     messages one session may hold, both sides
 * @param idle            how long a session may stay without a message before it ends by itself
 * @param silence         how long the model may stay silent before a reply counts as failed
 */
public record ChatLimits(int maxMessageChars, int historyTokens, int maxMessages, Duration idle, Duration silence) {
}
