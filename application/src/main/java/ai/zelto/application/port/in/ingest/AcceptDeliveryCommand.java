package ai.zelto.application.port.in.ingest;

import ai.zelto.application.spi.provider.RawDelivery;
import ai.zelto.domain.organization.OrganizationId;
import java.util.Objects;

/**
 * @param provider the {@code X-Zelto-Provider} value as sent, or {@code null} when absent
 * @param raw      the body and the headers, without credentials
 */
public record AcceptDeliveryCommand(OrganizationId organizationId, String provider, RawDelivery raw) {
    public AcceptDeliveryCommand {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(raw, "raw");
    }
}
