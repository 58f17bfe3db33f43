package ai.zelto.application.port.out;

import ai.zelto.application.spi.provider.DeliveryContext;
import ai.zelto.application.spi.provider.RawDelivery;
import ai.zelto.domain.delivery.DeliveryId;
import ai.zelto.domain.delivery.DeliveryStatus;
import ai.zelto.domain.organization.OrganizationId;
import java.time.Instant;
import java.util.Objects;

/**
 * A delivery to store: the raw request (its credentials already removed), and what accepting it decided.
 *
 * @param externalId the call's dedup key, when the delivery carries a call (null for dropped ones)
 * @param attachment an uploaded audio file, or null
 */
public record NewDelivery(DeliveryId id, OrganizationId organizationId, String provider, Instant receivedAt,
                          RawDelivery raw, DeliveryContext.Channel channel, String externalId, DeliveryStatus status,
                          String reason, Attachment attachment) {
    public NewDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
    }
}
