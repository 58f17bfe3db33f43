package ai.zelto.app.config;

import ai.zelto.application.port.out.ChatModel;
import ai.zelto.application.service.chat.ChatLimits;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;

/**
 * The operator's model for chat sessions with text agents, used by every organization that did not set its own,
 * and the bounds of a session. The URL is trusted (a model server on localhost is the usual self-hosted case).
 */
public class ChatSettings {
    /** The base URL of an OpenAI-compatible chat-completions API, such as {@code http://127.0.0.1:11434/v1}. */
    @JsonProperty
    @Env("ZELTO_LLM_URL")
    private String url = "";

    @JsonProperty
    @Env("ZELTO_LLM_API_KEY")
    private String apiKey = "";

    @JsonProperty
    @Env("ZELTO_LLM_MODEL")
    private String model = "";

    /** The longest the model may stay silent: before it answers, and between two streamed pieces. */
    @JsonProperty
    @Min(1)
    @Max(600)
    @Env("ZELTO_LLM_TIMEOUT_SECONDS")
    private int timeoutSeconds = 60;

    @JsonProperty
    @Min(1)
    @Max(7 * 24 * 60)
    @Env("ZELTO_CHAT_IDLE_MINUTES")
    private int idleMinutes = 30;

    @JsonProperty
    @Min(1)
    @Max(300_000) // so that any message allowed fits the API's 2 MiB body cap, even with every character escaped
    @Env("ZELTO_CHAT_MAX_MESSAGE_CHARS")
    private int maxMessageChars = 16_000;

    @JsonProperty
    @Min(100)
    @Max(10_000_000)
    @Env("ZELTO_CHAT_HISTORY_TOKENS")
    private int historyTokens = 8_000;

    @JsonProperty
    @Min(2)
    @Max(100_000)
    @Env("ZELTO_CHAT_MAX_MESSAGES")
    private int maxMessages = 500;

    /**
     * The operator's model, when a URL and a model are given.
     *
     * @throws IllegalStateException when only one is, or the URL is not http(s), so that a typo stops start-up
     */
    public Optional<ChatModel.Endpoint> serverWide() {
        boolean any = !url.isBlank() || !model.isBlank();
        if (any && (url.isBlank() || model.isBlank())) {
            throw new IllegalStateException("ZELTO_LLM_URL and ZELTO_LLM_MODEL go together: set both, or neither");
        }
        if (any && !url.strip().matches("(?i)https?://.+")) {
            throw new IllegalStateException("ZELTO_LLM_URL must be an http:// or https:// URL");
        }
        return any ? Optional.of(new ChatModel.Endpoint(url.strip(), apiKey.strip(), model.strip()))
                : Optional.empty();
    }

    public ChatLimits limits() {
        return new ChatLimits(maxMessageChars, historyTokens, maxMessages, Duration.ofMinutes(idleMinutes),
                Duration.ofSeconds(timeoutSeconds));
    }

    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }
}
