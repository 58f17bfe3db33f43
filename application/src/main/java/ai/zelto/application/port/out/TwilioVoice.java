package ai.zelto.application.port.out;

/** Twilio's REST API for voice calls: placing a call with its TwiML, and ending one. */
public interface TwilioVoice {
    /** An account: its SID (in every path) and the auth token it signs in with. */
    record Account(String accountSid, String authToken) {
        @Override
        public String toString() {
            return "Account[accountSid=" + accountSid + "]";
        }
    }

    /**
     * A call to place.
     *
     * @param twiml what Twilio does once the person answers
     * @param statusCallback where Twilio reports the call's progress
     */
    record NewCall(String to, String from, String twiml, String statusCallback) {
    }

    /** Places the call and answers its CallSid. */
    String createCall(Account account, NewCall call) throws Failure;

    /**
     * Ends a call: {@code canceled} for one not yet answered, {@code completed} for one in progress. A call that
     * has already ended is not a failure.
     */
    void endCall(Account account, String callSid, boolean stillRinging) throws Failure;

    /**
     * Twilio could not be reached or refused.
     *
     * @see #said()
     */
    final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final String said;

        public Failure(String message, String said, Throwable cause) {
            super(message, cause);
            this.said = said;
        }

        /** Twilio's own words when it refused (its {@code message}), else null. */
        public String said() {
            return said;
        }
    }
}
