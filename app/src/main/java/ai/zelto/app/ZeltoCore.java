package ai.zelto.app;

import ai.zelto.adapters.audio.SafeHttpRecordingFetcher;
import ai.zelto.adapters.persistence.JdbiPersistence;
import ai.zelto.application.port.out.BlobStore;
import ai.zelto.application.port.out.RecordingFetcher;
import ai.zelto.application.port.out.Transcriber;
import ai.zelto.application.service.apikey.ApiKeyService;
import ai.zelto.application.service.audit.AuditService;
import ai.zelto.application.service.ingest.AcceptAudioService;
import ai.zelto.application.service.ingest.AcceptDeliveryService;
import ai.zelto.application.service.ingest.IngestBackpressure;
import ai.zelto.application.service.ingest.ProcessDeliveriesService;
import ai.zelto.application.service.ingest.RecentTranslations;
import ai.zelto.application.service.ingest.ProviderRegistry;
import ai.zelto.application.service.integration.IntegrationService;
import ai.zelto.application.service.organization.OrganizationService;
import ai.zelto.application.service.query.ReadService;
import ai.zelto.application.service.recording.RecordingJobService;
import ai.zelto.application.service.recording.RecordingPlaybackService;
import ai.zelto.application.service.recording.TranscriptionJobs;
import ai.zelto.application.service.recording.TranscriptionService;
import ai.zelto.application.service.worker.WorkerLoop;
import ai.zelto.domain.credit.Credits;
import ai.zelto.domain.credit.Pricing;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The use cases wired to their adapters, for the server and the CLI alike. Built by hand, in dependency order.
 */
final class ZeltoCore {
    final JdbiPersistence.Ports ports;
    final ProviderRegistry providers;
    final ApiKeyService apiKeys;
    final OrganizationService organizations;
    final ProcessDeliveriesService processing;
    final WorkerLoop worker;
    final RecordingJobService jobs;
    final WorkerLoop jobWorker;
    final RecordingPlaybackService playback;
    final AcceptAudioService acceptAudio;
    final AcceptDeliveryService accept;
    final IngestBackpressure backpressure;
    final ReadService reads;
    final IntegrationService integrations;
    final AuditService audit;

    ZeltoCore(ZeltoConfiguration config, Jdbi jdbi, ProviderRegistry providers, Clock clock) {
        this.ports = JdbiPersistence.create(jdbi, clock);
        AesGcmSecretCipher cipher = AesGcmSecretCipher.fromConfiguration(config.getSecretsKey(),
                java.nio.file.Path.of(config.getDataDir()));
        cipher.verifyAgainst(ports.systemValues());
        this.providers = providers;
        this.audit = new AuditService(ports.audit(), clock);
        this.integrations = new IntegrationService(providers, ports.integrationSettings(), ports.integrations(), cipher,
                audit, ports.unitOfWork(), new SecureRandom(), clock, config.getPublicUrl());
        this.apiKeys = new ApiKeyService(ports.apiKeys(), ports.organizations(), new HmacSecretHasher(cipher.derive("zelto/api-key-hash/v1")),
                new SecureRandom(), audit, ports.unitOfWork(), clock);
        this.organizations = new OrganizationService(ports.unitOfWork(), ports.organizations(), ports.credits(),
                apiKeys, audit, Credits.of(config.getInitialCredits()), clock);
        ZeltoConfiguration.WorkerSettings workerSettings = config.getWorker();
        Pricing pricing = new Pricing(config.getCreditsPerStartedMinute());
        RecentTranslations translated = RecentTranslations.forHeap(Runtime.getRuntime().maxMemory());
        this.processing = new ProcessDeliveriesService(ports.unitOfWork(), ports.deliveryQueue(), ports.conversations(),
                ports.agents(), ports.credits(), ports.recordings(), ports.jobs(), providers, integrations,
                pricing, clock, workerSettings.getBatchSize(), workerSettings.getBatchBytes(), translated);
        this.worker = new WorkerLoop("delivery-worker", processing::processBatch, workerSettings.getThreads(),
                Duration.ofMillis(workerSettings.getIdlePollMillis()));
        ZeltoConfiguration.RecordingSettings recordingSettings = config.getRecordings();
        BlobStore blobs = BlobStores.create(config, clock);
        RecordingFetcher fetcher = new SafeHttpRecordingFetcher(
                java.util.Set.of(recordingSettings.getFetchAllowedHosts().split(",")),
                recordingSettings.getFetchMaxBytes(), Duration.ofSeconds(recordingSettings.getFetchTimeoutSeconds()));
        Optional<Transcriber> transcriber = Transcribers.choose(config.getTranscriber());
        TranscriptionJobs transcriptions = transcriber.<TranscriptionJobs>map(engine -> new TranscriptionService(
                        ports.unitOfWork(), ports.conversations(), ports.recordings(), blobs, engine,
                        ports.deliveryQueue(), ports.credits(), ports.jobs(), pricing, clock))
                .orElse((job, retry) -> retry.retryOrFail(job, "no transcriber is configured", false));
        this.jobs = new RecordingJobService(ports.jobs(), ports.recordings(), fetcher, blobs, transcriptions, clock,
                recordingSettings.getMaxAttempts(), Duration.ofMillis(recordingSettings.getRetryBaseMillis()));
        this.jobWorker = new WorkerLoop("job-worker", jobs::runDueJobs, recordingSettings.getJobThreads(),
                Duration.ofMillis(Math.max(workerSettings.getIdlePollMillis(), 250)));
        this.playback = new RecordingPlaybackService(ports.conversations(), ports.recordings(), blobs);
        this.acceptAudio = new AcceptAudioService(providers, ports.deliveries(), blobs,
                transcriber.isPresent() ? null : Transcribers.HOW_TO_CONFIGURE, clock, worker::wakeUp);
        this.backpressure = new IngestBackpressure(
                () -> ports.deliveries().pendingCountUpTo(workerSettings.getBacklogLimit() + 1),
                workerSettings.getBacklogLimit(), Duration.ofSeconds(1), Duration.ofMillis(100));
        this.accept = new AcceptDeliveryService(providers, integrations, ports.deliveries(), clock, worker::wakeUp,
                backpressure::awaitRoom, translated);
        this.reads = new ReadService(ports.conversations(), ports.agents(), ports.deliveries(), ports.credits());
    }
}
