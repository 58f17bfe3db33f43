package ai.zelto.domain.delivery;

import ai.zelto.domain.shared.Uuids;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies one received delivery (one webhook request that was acknowledged). */
public record DeliveryId(UUID value) {
    public DeliveryId {
        Objects.requireNonNull(value, "value");
    }

    public static DeliveryId newId() {
        return new DeliveryId(UUID.randomUUID());
    }

    public static Optional<DeliveryId> tryParse(String text) {
        return Uuids.tryParse(text).map(DeliveryId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
