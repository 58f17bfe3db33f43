package ai.zelto.application.port.out;

/**
 * LiveKit's Connector service: it carries WhatsApp calls (it does Meta's side of the call: SDP, media) and Twilio
 * Media Streams into LiveKit rooms, with the agent's worker dispatched. Every method throws
 * {@link LiveKit.Failure} when LiveKit cannot be reached or refuses; a refusal's words (Meta's, when LiveKit passes
 * them on) are in {@link Refused}.
 */
public interface LiveKitConnector {
    /** A WhatsApp Business number and the credentials Meta knows it by. */
    record WhatsAppAccount(String phoneNumberId, String accessToken, String cloudApiVersion) {
        @Override
        public String toString() {
            return "WhatsAppAccount[phoneNumberId=" + phoneNumberId + ", cloudApiVersion=" + cloudApiVersion + "]";
        }
    }

    /**
     * The room a call joins and who the caller is in it.
     *
     * @param identity the person's participant identity; {@code name} what others see
     */
    record Room(String roomName, LiveKit.Dispatch dispatch, String identity, String name) {
    }

    /** What a dial gave: Meta's call id and the room. */
    record Dialed(String whatsappCallId, String roomName) {
    }

    /** Calls a WhatsApp user ({@code to}: digits with the country code, no {@code +}). */
    Dialed dialWhatsApp(LiveKit.Endpoint endpoint, WhatsAppAccount account, String to, Room room,
                        String callbackData) throws LiveKit.Failure;

    /** Answers a person's WhatsApp call with the SDP offer of Meta's connect webhook. */
    void acceptWhatsApp(LiveKit.Endpoint endpoint, WhatsAppAccount account, String whatsappCallId, String offerSdp,
                        Room room) throws LiveKit.Failure;

    /** Connects a call the business dialled, with the SDP answer of Meta's connect webhook. */
    void connectWhatsApp(LiveKit.Endpoint endpoint, String whatsappCallId, String answerSdp) throws LiveKit.Failure;

    /**
     * Ends a WhatsApp call in LiveKit: the business hangs up (needs the access token: LiveKit tells Meta), or the
     * person did (Meta already knows; the token may be null).
     */
    void disconnectWhatsApp(LiveKit.Endpoint endpoint, String whatsappCallId, String accessToken,
                            boolean businessInitiated) throws LiveKit.Failure;

    /**
     * Opens a room for a Twilio call and answers the {@code wss://} URL Twilio's Media Stream must connect to.
     *
     * @param inbound a person called the Twilio number (else Zelto is about to place the call)
     */
    String connectTwilio(LiveKit.Endpoint endpoint, boolean inbound, Room room) throws LiveKit.Failure;

    /** LiveKit answered, and said no: what it said, for the call's record (never a credential). */
    final class Refused extends LiveKit.Failure {
        private static final long serialVersionUID = 1L;
        private final String said;

        public Refused(String message, String said) {
            super(message, null);
            this.said = said;
        }

        /** LiveKit's (or Meta's) words. */
        public String said() {
            return said;
        }
    }
}
