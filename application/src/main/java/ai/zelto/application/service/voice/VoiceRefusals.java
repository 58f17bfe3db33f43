package ai.zelto.application.service.voice;

import ai.zelto.domain.shared.DomainException;

/** Why a voice session was not started or ended, each with its code and category. */
public final class VoiceRefusals {
    private VoiceRefusals() {
    }

    /** The agent cannot take a voice session (text, no architecture, no worker). */
    public static final class NotAVoiceAgent extends DomainException {
        private static final long serialVersionUID = 1L;

        public NotAVoiceAgent(String message) {
            super(message);
        }

        @Override
        public String code() {
            return "not_a_voice_agent";
        }

        @Override
        public Category category() {
            return Category.INVALID;
        }
    }

    /** The organization's balance is not positive. */
    public static final class NoCredits extends DomainException {
        private static final long serialVersionUID = 1L;

        public NoCredits() {
            super("Insufficient credits");
        }

        @Override
        public String code() {
            return "insufficient_credits";
        }

        @Override
        public Category category() {
            return Category.PAYMENT_REQUIRED;
        }
    }

    /** No LiveKit server for this organization. */
    public static final class LiveKitNotConfigured extends DomainException {
        private static final long serialVersionUID = 1L;

        public LiveKitNotConfigured() {
            super("LiveKit is not configured: set your LiveKit server with PUT /v1/integrations/livekit"
                    + " {\"url\", \"apiKey\", \"apiSecret\"} (Settings → Integrations → LiveKit), or ask the operator"
                    + " to set ZELTO_LIVEKIT_URL, ZELTO_LIVEKIT_API_KEY and ZELTO_LIVEKIT_API_SECRET");
        }

        @Override
        public String code() {
            return "livekit_not_configured";
        }

        @Override
        public Category category() {
            return Category.CONFLICT;
        }
    }

    /** The organization's own LiveKit URL is no longer allowed (it resolves to an internal address now). */
    public static final class LiveKitAddressRefused extends DomainException {
        private static final long serialVersionUID = 1L;

        public LiveKitAddressRefused(String reason) {
            super("your LiveKit URL cannot be used: " + reason);
        }

        @Override
        public String code() {
            return "livekit_address_refused";
        }

        @Override
        public Category category() {
            return Category.CONFLICT;
        }
    }

    /** The organization has as many open sessions as it may. */
    public static final class TooManySessions extends DomainException {
        private static final long serialVersionUID = 1L;

        TooManySessions(int max) {
            super("this organization already has " + max + " voice sessions open; end one"
                    + " (DELETE /v1/voice/sessions/{room_name}) or wait for one to finish");
        }

        @Override
        public String code() {
            return "too_many_voice_sessions";
        }

        @Override
        public Category category() {
            return Category.LIMIT_REACHED;
        }
    }

    /** LiveKit failed or did not answer; what it said is in the log, not here. */
    public static final class LiveKitUnavailable extends DomainException {
        private static final long serialVersionUID = 1L;

        LiveKitUnavailable() {
            super("LiveKit did not create the room; nothing was kept, try again");
        }

        public LiveKitUnavailable(String message) {
            super(message);
        }

        @Override
        public String code() {
            return "livekit_unavailable";
        }

        @Override
        public Category category() {
            return Category.DEPENDENCY_FAILED;
        }
    }

    /** No session with that room name in the caller's organization. */
    public static final class SessionNotFound extends DomainException {
        private static final long serialVersionUID = 1L;

        SessionNotFound() {
            super("no voice session of this organization has that room name");
        }

        @Override
        public String code() {
            return "voice_session_not_found";
        }

        @Override
        public Category category() {
            return Category.NOT_FOUND;
        }
    }
}
