package ai.zelto.application.port.in.phone;

import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.phone.WhatsAppEvent;
import java.util.List;
import java.util.Optional;

/**
 * Meta's WhatsApp webhooks on an organization's hook URL: the subscription handshake, then signed call events,
 * acknowledged at once and acted on in the background.
 */
public interface WhatsAppWebhookUseCase {
    /**
     * Meta's subscription handshake.
     *
     * @return the challenge to echo when the mode is {@code subscribe} and the verify token is the hook's; else
     *         empty
     */
    Optional<String> handshake(String hookToken, String mode, String verifyToken, String challenge);

    /**
     * The organization whose hook this is, when the body's {@code X-Hub-Signature-256} is right for its app secret.
     */
    Optional<OrganizationId> verify(String hookToken, byte[] body, String signature);

    /** Keeps the events (a repeat of one already received is ignored) and acts on them in the background. */
    void receive(OrganizationId organizationId, List<WhatsAppEvent> events);
}
