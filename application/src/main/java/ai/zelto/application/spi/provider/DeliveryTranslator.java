package ai.zelto.application.spi.provider;

/**
 * Turns one raw delivery into what Zelto should do with it. It is called on the request thread (to refuse bad
 * input before it is acknowledged) and again by the background worker (to process it), so it must be a pure
 * function of its input: same delivery, same translation. It must be thread-safe.
 *
 * <p>It never throws on bad input: anything it cannot accept is a {@link Translation.Rejected} with a message
 * per offending field. An exception that escapes is a bug in the plugin; Zelto turns it into a failed delivery.
 */
@FunctionalInterface
public interface DeliveryTranslator {
    Translation translate(RawDelivery delivery);
}
