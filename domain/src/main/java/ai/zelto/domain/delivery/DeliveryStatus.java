package ai.zelto.domain.delivery;

import java.util.Locale;

/**
 * Where a delivery stands. {@code PENDING} waits for the worker; every other status is final:
 * {@code PROCESSED} (merged into a conversation), {@code SKIPPED} (an unconnected dial: nothing to keep),
 * {@code DROPPED} (a provider event that is not a finished call), {@code FAILED} (with a reason the user sees).
 */
public enum DeliveryStatus {
    PENDING, PROCESSED, SKIPPED, DROPPED, FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
