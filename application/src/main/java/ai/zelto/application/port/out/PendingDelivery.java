package ai.zelto.application.port.out;

import ai.zelto.application.spi.provider.DeliveryContext;
import ai.zelto.application.spi.provider.RawDelivery;
import ai.zelto.domain.delivery.DeliveryId;
import ai.zelto.domain.organization.OrganizationId;
import java.time.Instant;

/** A delivery claimed by the worker, with all it needs to translate it again. */
public record PendingDelivery(DeliveryId id, OrganizationId organizationId, String provider, Instant receivedAt,
                              RawDelivery raw, DeliveryContext.Channel channel, String externalId,
                              Attachment attachment) {
}
