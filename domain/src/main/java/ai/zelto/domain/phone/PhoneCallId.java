package ai.zelto.domain.phone;

import ai.zelto.domain.shared.Uuids;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Zelto's id of one phone call (the provider's own id is {@link PhoneCall#providerCallId()}). */
public record PhoneCallId(UUID value) {
    public PhoneCallId {
        Objects.requireNonNull(value, "value");
    }

    public static PhoneCallId newId() {
        return new PhoneCallId(UUID.randomUUID());
    }

    /** Parses a canonical UUID, or returns empty for anything else. */
    public static Optional<PhoneCallId> tryParse(String text) {
        return Uuids.tryParse(text).map(PhoneCallId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
