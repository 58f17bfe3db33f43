package ai.zelto.application.service.chat;

import ai.zelto.domain.shared.DomainException;

/** Why a chat session was not opened or a message not answered, each with its code and category. */
public final class ChatRefusals {
    private ChatRefusals() {
    }

    private abstract static class Refusal extends DomainException {
        private static final long serialVersionUID = 1L;
        private final String code;
        private final Category category;

        Refusal(String message, String code, Category category) {
            super(message);
            this.code = code;
            this.category = category;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public Category category() {
            return category;
        }
    }

    /** The agent does not chat: a voice agent, or one nobody gave an architecture. */
    public static final class NotATextAgent extends Refusal {
        private static final long serialVersionUID = 1L;

        public NotATextAgent(String message) {
            super(message, "not_a_text_agent", Category.INVALID);
        }
    }

    /** The organization's balance is not positive. */
    public static final class NoCredits extends Refusal {
        private static final long serialVersionUID = 1L;

        public NoCredits() {
            super("Insufficient credits", "insufficient_credits", Category.PAYMENT_REQUIRED);
        }
    }

    /** Neither the organization nor the operator configured a model. */
    public static final class ModelNotConfigured extends Refusal {
        private static final long serialVersionUID = 1L;

        public ModelNotConfigured() {
            super("No model is configured: set one with PUT /v1/integrations/llm {\"url\", \"apiKey\", \"model\"}"
                    + " (Settings → Integrations → LLM), or ask the operator to set ZELTO_LLM_URL and ZELTO_LLM_MODEL",
                    "model_not_configured", Category.CONFLICT);
        }
    }

    /** The organization's own model URL may not be used now (it resolves to an internal address). */
    public static final class ModelAddressRefused extends Refusal {
        private static final long serialVersionUID = 1L;

        public ModelAddressRefused(String reason) {
            super("your model URL cannot be used: " + reason, "model_address_refused", Category.CONFLICT);
        }
    }

    /** No such session in the organization. */
    public static final class SessionNotFound extends Refusal {
        private static final long serialVersionUID = 1L;

        public SessionNotFound() {
            super("Not found", "chat_session_not_found", Category.NOT_FOUND);
        }
    }

    /** The session ended: it takes no more messages. */
    public static final class SessionEnded extends Refusal {
        private static final long serialVersionUID = 1L;

        public SessionEnded() {
            super("Session ended: start a new one", "chat_session_ended", Category.CONFLICT);
        }
    }

    /** A reply is on its way: one message at a time. */
    public static final class ReplyInProgress extends Refusal {
        private static final long serialVersionUID = 1L;

        public ReplyInProgress() {
            super("A reply to the previous message is still on its way: send the next one after it",
                    "chat_reply_in_progress", Category.CONFLICT);
        }
    }

    /** The session holds as many messages as one may. */
    public static final class SessionFull extends Refusal {
        private static final long serialVersionUID = 1L;

        public SessionFull(int max) {
            super("Session full: it holds " + max + " messages, the most one may; end it and start a new one",
                    "chat_session_full", Category.CONFLICT);
        }
    }
}
