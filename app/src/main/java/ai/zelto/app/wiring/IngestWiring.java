package ai.zelto.app.wiring;

import ai.zelto.adapters.http.conversation.AudioUploadResource;
import ai.zelto.adapters.http.ingest.IngestMemoryBudget;
import ai.zelto.adapters.http.ingest.WebhookResource;
import ai.zelto.app.config.TranscriberFactory;
import ai.zelto.app.config.WorkerSettings;
import ai.zelto.app.config.ZeltoConfiguration;
import ai.zelto.application.service.ingest.AcceptAudioService;
import ai.zelto.application.service.ingest.AcceptDeliveryService;
import ai.zelto.application.service.ingest.IngestBackpressure;
import ai.zelto.application.service.ingest.ProcessDeliveriesService;
import ai.zelto.application.service.ingest.RecentTranslations;
import ai.zelto.application.service.worker.WorkerLoop;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.Optional;

/**
 * The ingestion path: webhooks and audio uploads acknowledged once stored, backpressure on the backlog, and the
 * delivery worker that turns deliveries into conversations.
 */
public final class IngestWiring implements Feature {
    /** How long a webhook body waits for room in the memory budget before it is answered 503. */
    private static final Duration INGEST_MEMORY_WAIT = Duration.ofSeconds(5);

    public final ProcessDeliveriesService processing;
    public final WorkerLoop worker;
    public final IngestBackpressure backpressure;
    public final AcceptDeliveryService accept;
    public final AcceptAudioService acceptAudio;
    private final Foundation base;
    private final IntegrationWiring integrations;

    IngestWiring(Foundation base, IntegrationWiring integrations, RecordingWiring recordings) {
        this.base = base;
        this.integrations = integrations;
        WorkerSettings settings = base.config.getWorker();
        RecentTranslations translated = RecentTranslations.forHeap(Runtime.getRuntime().maxMemory());
        this.processing = new ProcessDeliveriesService(base.ports.unitOfWork(), base.ports.deliveryQueue(),
                base.ports.conversations(), base.ports.agents(), base.ports.credits(), base.ports.recordings(),
                base.ports.jobs(), base.providers, integrations.integrations, base.pricing, base.clock,
                settings.getBatchSize(), settings.getBatchBytes(), translated, base.ports.startedCalls());
        this.worker = new WorkerLoop("delivery-worker", processing::processBatch, settings.getThreads(),
                Duration.ofMillis(settings.getIdlePollMillis()));
        this.acceptAudio = new AcceptAudioService(base.providers, base.ports.deliveries(), recordings.blobs,
                recordings.transcriber.isPresent() ? Optional.empty() : Optional.of(TranscriberFactory.HOW_TO_CONFIGURE),
                base.clock, worker::wakeUp);
        this.backpressure = IngestBackpressure.onBacklog(
                () -> base.ports.deliveries().pendingCountUpTo(settings.getBacklogLimit() + 1),
                settings.getBacklogLimit());
        this.accept = new AcceptDeliveryService(base.providers, integrations.integrations, base.ports.deliveries(),
                base.clock, worker::wakeUp, backpressure::awaitRoom, translated);
    }

    @Override
    public void serve(Environment environment) {
        ZeltoConfiguration config = base.config;
        long ingestMemory = config.getIngestMemoryBytes() > 0 ? config.getIngestMemoryBytes()
                : IngestMemoryBudget.defaultCapacity(Runtime.getRuntime().maxMemory());
        environment.jersey().register(new WebhookResource(accept, integrations.integrations, config.getMaxBodyBytes(),
                Duration.ofSeconds(config.getBodyReadTimeoutSeconds()),
                new IngestMemoryBudget(ingestMemory, config.getMaxBodyBytes(), INGEST_MEMORY_WAIT)));
        AudioUploadResource.requiredFeatures().forEach(environment.jersey()::register);
        environment.jersey().register(new AudioUploadResource(acceptAudio,
                config.getTranscriber().getMaxUploadBytes()));
        environment.healthChecks().register("deliveryBacklog", new DeliveryBacklogHealthCheck(
                base.ports.deliveries(), config.getWorker().getMaxBacklogAgeSeconds(), base.clock));
        environment.lifecycle().manage(new Managed() {
            @Override
            public void start() {
                worker.start();
            }

            @Override
            public void stop() throws InterruptedException {
                backpressure.stop();
                worker.stop();
            }
        });
    }
}
