package ai.zelto.application.port.in.delivery;

import ai.zelto.application.readmodel.DeliveryPage;
import ai.zelto.application.readmodel.DeliveryQuery;

/** An organization's deliveries, newest first, failed ones findable by status. */
public interface ListDeliveriesUseCase {
    DeliveryPage listDeliveries(DeliveryQuery query);
}
