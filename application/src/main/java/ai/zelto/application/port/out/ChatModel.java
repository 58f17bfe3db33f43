package ai.zelto.application.port.out;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A language model behind an OpenAI-compatible chat-completions API (hosted, or a self-hosted server such as vLLM,
 * llama.cpp's server or Ollama): the messages in, the assistant's reply out, streamed or whole.
 */
public interface ChatModel {
    /**
     * Where the model is.
     *
     * @param baseUrl the API's base URL, such as {@code http://127.0.0.1:11434/v1} ({@code /chat/completions} is
     *                added)
     * @param apiKey  sent as a Bearer token; null or blank for a server that takes none
     * @param model   the model's name on that server
     */
    record Endpoint(String baseUrl, String apiKey, String model) {
        @Override
        public String toString() {
            return "Endpoint[baseUrl=" + baseUrl + ", model=" + model + "]";
        }

        public Endpoint withModel(String other) {
            return new Endpoint(baseUrl, apiKey, other);
        }
    }

    /** One message of the conversation sent: role {@code system}, {@code user} or {@code assistant}. */
    record Message(String role, String content) {
    }

    /**
     * Asks the model for the next assistant message.
     *
     * @param silence the longest the model may stay silent: before it answers, and between two streamed pieces
     * @param pieces  receives the reply's text piece by piece as the model produces it (a streamed request); null
     *                asks for the whole reply at once
     * @return the whole reply
     * @throws Failure when the model cannot be reached, stays silent too long, refuses, fails or answers something
     *                 that is not a chat completion
     */
    String reply(Endpoint endpoint, List<Message> messages, Duration silence, Consumer<String> pieces)
            throws Failure;

    /** Why the model gave no reply, in words a person can act on ({@link #getMessage()}). */
    final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        /** What went wrong, for the error's details. */
        public enum Kind { UNREACHABLE, TIMEOUT, REFUSED, FAILED, MALFORMED }

        private final Kind kind;

        public Failure(Kind kind, String message, Throwable cause) {
            super(message, cause);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }
}
