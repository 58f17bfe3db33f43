package ai.zelto.application.service.ingest;

import ai.zelto.application.port.in.ingest.AcceptDeliveryCommand;
import ai.zelto.application.port.in.ingest.AcceptDeliveryResult;
import ai.zelto.application.port.out.InMemoryAgents;
import ai.zelto.application.port.out.InMemoryConversations;
import ai.zelto.application.port.out.InMemoryCreditLedger;
import ai.zelto.application.port.out.InMemoryDeliveries;
import ai.zelto.application.port.out.InMemoryJobQueue;
import ai.zelto.application.port.out.InMemoryRecordings;
import ai.zelto.application.port.out.InMemoryStore;
import ai.zelto.application.provider.ProviderRegistry;
import ai.zelto.application.spi.provider.RawDelivery;
import ai.zelto.domain.credit.Pricing;
import ai.zelto.domain.delivery.DeliveryId;
import ai.zelto.domain.organization.OrganizationId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The ingest services on in-memory fakes, with a scripted provider plugin ({@code scripted}): deliveries are
 * accepted through {@link AcceptDeliveryService} and processed by {@link ProcessDeliveriesService}, as in the
 * server, in milliseconds and without a database.
 */
final class IngestFixture {
    static final String PROVIDER = "scripted";

    final InMemoryStore store = new InMemoryStore();
    final InMemoryDeliveries deliveries = new InMemoryDeliveries(store);
    final InMemoryConversations conversations = new InMemoryConversations(store);
    final InMemoryAgents agents = new InMemoryAgents();
    final InMemoryCreditLedger credits = new InMemoryCreditLedger(store);
    final InMemoryRecordings recordings = new InMemoryRecordings(store);
    final InMemoryJobQueue jobs = new InMemoryJobQueue(store);
    final ScriptedTranslator plugin = new ScriptedTranslator();
    final OrganizationId org = OrganizationId.newId();
    final Clock clock = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);
    final ProviderRegistry providers = new ProviderRegistry(List.of(new ProviderRegistry.Provider(PROVIDER, plugin,
            List.of())));
    /** Calls translated on receipt; empty unless a test keeps them, so the worker reads the stored bytes. */
    final RecentTranslations translated = new RecentTranslations(0, 0);
    final AcceptDeliveryService accept;
    final ProcessDeliveriesService processing;

    IngestFixture(int batchSize) {
        accept = new AcceptDeliveryService(providers, (org, provider) -> Map.of(), deliveries, clock, () -> {
        }, () -> {
        }, translated);
        processing = processing(batchSize, conversations);
    }

    /** The worker with another conversation repository (one that fails on purpose). */
    ProcessDeliveriesService processing(int batchSize, ai.zelto.application.port.out.ConversationRepository repository) {
        return new ProcessDeliveriesService(store, deliveries, repository, agents, credits, recordings, jobs,
                providers, (org, provider) -> Map.of(), new Pricing(1), clock, batchSize, Long.MAX_VALUE, translated);
    }

    /** Accepts a delivery as the webhook would; returns its id. */
    DeliveryId upload(RawDelivery delivery) {
        AcceptDeliveryResult result = accept.accept(AcceptDeliveryCommand.withApiKey(org, PROVIDER, delivery));
        if (result instanceof AcceptDeliveryResult.Stored stored) {
            return stored.deliveryId();
        }
        throw new AssertionError("not stored: " + result);
    }
}
