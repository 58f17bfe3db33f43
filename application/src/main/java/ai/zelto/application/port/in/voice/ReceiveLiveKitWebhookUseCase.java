package ai.zelto.application.port.in.voice;

/** LiveKit's webhooks: a room's life, and the recordings its egress wrote. */
public interface ReceiveLiveKitWebhookUseCase {
    /**
     * Verifies and acts on one webhook: {@code room_started}, {@code room_finished}, {@code egress_ended}; other
     * events, rooms Zelto did not create and repeated event ids are accepted and ignored.
     *
     * @param body          the request body's exact bytes
     * @param authorization the {@code Authorization} header: LiveKit's JWT, without {@code Bearer}
     * @throws NotSigned when the token or the body's hash does not verify
     */
    void receive(byte[] body, String authorization);

    /** The webhook is not LiveKit's: bad, expired or missing token, unknown key, or a body that was changed. */
    final class NotSigned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NotSigned() {
            super("the webhook's signature does not verify", null, false, false);
        }
    }
}
