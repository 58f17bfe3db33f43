package ai.zelto.application.port.in.ingest;

/**
 * Accepts one webhook delivery: checks it with its provider's plugin and stores it durably for the worker.
 * When it returns {@link AcceptDeliveryResult.Stored}, the delivery is committed.
 */
public interface AcceptDeliveryUseCase {
    AcceptDeliveryResult accept(AcceptDeliveryCommand command);
}
