package ai.zelto.application.port.in.ingest;

import ai.zelto.application.spi.provider.DeliveryContext;
import ai.zelto.application.spi.provider.RawDelivery;
import ai.zelto.domain.organization.OrganizationId;
import java.util.Objects;

/**
 * @param provider the {@code X-Zelto-Provider} value as sent, or {@code null} when absent
 * @param raw      the body and the headers, without credentials
 * @param channel  how the delivery arrived: with an API key, or through a hook URL
 */
public record AcceptDeliveryCommand(OrganizationId organizationId, String provider, RawDelivery raw,
                                    DeliveryContext.Channel channel) {
    public AcceptDeliveryCommand {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(channel, "channel");
    }

    /** A delivery to {@code POST /webhooks/calls}, authenticated by an API key. */
    public static AcceptDeliveryCommand withApiKey(OrganizationId organizationId, String provider, RawDelivery raw) {
        return new AcceptDeliveryCommand(organizationId, provider, raw, DeliveryContext.Channel.API_KEY);
    }
}
