package ai.zelto.application.port.out;

/**
 * Meta's WhatsApp Cloud API, for the one call LiveKit's Connector has no method for: refusing a person's call.
 */
public interface WhatsAppCloud {
    /** Refuses a ringing call ({@code action: reject}). */
    void reject(LiveKitConnector.WhatsAppAccount account, String whatsappCallId) throws Failure;

    /** Meta could not be reached or refused; the message is for the log. */
    final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        public Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
