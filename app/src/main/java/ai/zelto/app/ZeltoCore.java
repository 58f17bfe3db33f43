package ai.zelto.app;

import ai.zelto.adapters.persistence.JdbiPersistence;
import ai.zelto.application.service.apikey.ApiKeyService;
import ai.zelto.application.service.ingest.AcceptDeliveryService;
import ai.zelto.application.service.ingest.DeliveryWorker;
import ai.zelto.application.service.ingest.ProcessDeliveriesService;
import ai.zelto.application.service.ingest.ProviderRegistry;
import ai.zelto.application.service.integration.IntegrationService;
import ai.zelto.application.service.organization.OrganizationService;
import ai.zelto.application.service.query.ReadService;
import ai.zelto.domain.credit.Credits;
import ai.zelto.domain.credit.Pricing;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
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
    final DeliveryWorker worker;
    final AcceptDeliveryService accept;
    final ReadService reads;
    final IntegrationService integrations;

    ZeltoCore(ZeltoConfiguration config, Jdbi jdbi, ProviderRegistry providers, Clock clock) {
        this.ports = JdbiPersistence.create(jdbi, clock);
        this.providers = providers;
        AesGcmSecretCipher cipher = AesGcmSecretCipher.fromConfiguration(config.getSecretsKey(),
                java.nio.file.Path.of(config.getDataDir()));
        cipher.verifyAgainst(ports.systemValues());
        this.integrations = new IntegrationService(providers, ports.integrationSettings(), ports.integrations(), cipher,
                new SecureRandom(), clock, config.getPublicUrl());
        this.apiKeys = new ApiKeyService(ports.apiKeys(), ports.organizations(), new Sha256SecretHasher(),
                new SecureRandom(), clock);
        this.organizations = new OrganizationService(ports.unitOfWork(), ports.organizations(), ports.credits(),
                apiKeys, Credits.of(config.getInitialCredits()), clock);
        ZeltoConfiguration.WorkerSettings workerSettings = config.getWorker();
        this.processing = new ProcessDeliveriesService(ports.unitOfWork(), ports.deliveryQueue(), ports.conversations(),
                ports.agents(), ports.credits(), providers, integrations, new Pricing(config.getCreditsPerStartedMinute()), clock,
                workerSettings.getBatchSize());
        this.worker = new DeliveryWorker(processing, workerSettings.getThreads(),
                Duration.ofMillis(workerSettings.getIdlePollMillis()));
        this.accept = new AcceptDeliveryService(providers, integrations, ports.deliveries(), clock, worker::wakeUp);
        this.reads = new ReadService(ports.conversations(), ports.agents(), ports.deliveries(), ports.credits());
    }
}
