package ai.zelto.application.port.in.delivery;

import ai.zelto.application.readmodel.DeliveryView;
import ai.zelto.domain.delivery.DeliveryId;
import ai.zelto.domain.organization.OrganizationId;
import java.util.Optional;

/** One delivery of the organization; empty for an id of another org or of none. */
public interface GetDeliveryUseCase {
    Optional<DeliveryView> getDelivery(OrganizationId organizationId, DeliveryId id);
}
