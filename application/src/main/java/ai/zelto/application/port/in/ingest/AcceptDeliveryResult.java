package ai.zelto.application.port.in.ingest;

import ai.zelto.application.spi.provider.Translation;
import ai.zelto.domain.delivery.DeliveryId;
import java.util.List;

/** The outcome of accepting a delivery. */
public sealed interface AcceptDeliveryResult {
    /** Committed (for processing, or already recorded as dropped). */
    record Stored(DeliveryId deliveryId) implements AcceptDeliveryResult {
    }

    /** No plugin has that id. */
    record UnsupportedProvider(String requested, List<String> supported) implements AcceptDeliveryResult {
        public UnsupportedProvider {
            supported = List.copyOf(supported);
        }
    }

    /** The plugin refused the delivery; nothing was stored. */
    record Refused(Translation.Rejected rejection) implements AcceptDeliveryResult {
    }
}
