package ai.zelto.application.port.in.ingest;

/** Processes pending deliveries into conversations; what the background worker calls in a loop. */
public interface ProcessDeliveriesUseCase {
    /**
     * Claims and processes one batch in one transaction.
     *
     * @return how many deliveries reached a final status
     */
    int processBatch();
}
