package ai.zelto.application.spi.provider;

/**
 * Turns one raw delivery into what Zelto should do with it. It runs on the request thread, to refuse bad or
 * unauthentic input before it is acknowledged ({@link DeliveryContext.Phase#RECEIVING}), and again in the
 * background worker to process it ({@link DeliveryContext.Phase#PROCESSING}) unless the call it returned on
 * receipt is still held in memory, in which case the worker uses that call. Apart from origin checks, which only
 * run while receiving, it must be a pure function of the delivery: same bytes, same translation, so that both
 * ways give the same call. It must be thread-safe.
 *
 * <p>It never throws on bad input: anything it cannot accept is a {@link Translation.Rejected}. An exception
 * that escapes is a bug in the plugin; Zelto answers such a delivery with a 400 while receiving, and marks it
 * failed while processing.
 */
@FunctionalInterface
public interface DeliveryTranslator {
    Translation translate(RawDelivery delivery, DeliveryContext context);
}
