package ai.zelto.application.service.ingest;

import ai.zelto.application.port.in.ingest.AcceptDeliveryCommand;
import ai.zelto.application.port.in.ingest.AcceptDeliveryResult;
import ai.zelto.application.port.in.ingest.AcceptDeliveryUseCase;
import ai.zelto.application.port.out.DeliveryRepository;
import ai.zelto.application.port.out.NewDelivery;
import ai.zelto.application.provider.ProviderRegistry;
import ai.zelto.application.provider.ProviderSettings;
import ai.zelto.application.spi.provider.DeliveryContext;
import ai.zelto.application.spi.provider.DeliveryTranslator;
import ai.zelto.domain.conversation.CallIngest;
import ai.zelto.domain.delivery.DeliveryId;
import ai.zelto.domain.delivery.DeliveryStatus;
import java.time.Clock;
import java.util.Optional;

/**
 * Checks a delivery with its provider's plugin and stores it: one INSERT, committed before this returns.
 * Nothing else happens on the request thread.
 */
public final class AcceptDeliveryService implements AcceptDeliveryUseCase {
    private final ProviderRegistry providers;
    private final ProviderSettings settings;
    private final DeliveryRepository deliveries;
    private final Clock clock;
    private final Runnable onStored;
    private final Runnable awaitRoom;
    private final RecentTranslations translated;

    /**
     * @param onStored   called after each delivery is stored for processing (wakes the worker in this process)
     * @param awaitRoom  called before a delivery for processing is stored ({@link IngestBackpressure#awaitRoom})
     * @param translated where the call of each delivery stored for processing is left for this process's worker
     */
    public AcceptDeliveryService(ProviderRegistry providers, ProviderSettings settings, DeliveryRepository deliveries,
                                 Clock clock, Runnable onStored, Runnable awaitRoom, RecentTranslations translated) {
        this.providers = providers;
        this.settings = settings;
        this.deliveries = deliveries;
        this.clock = clock;
        this.onStored = onStored;
        this.awaitRoom = awaitRoom;
        this.translated = translated;
    }

    @Override
    public AcceptDeliveryResult accept(AcceptDeliveryCommand command) {
        String provider = ProviderRegistry.normalize(command.provider());
        Optional<DeliveryTranslator> translator = providers.translator(provider);
        if (translator.isEmpty()) {
            return new AcceptDeliveryResult.UnsupportedProvider(command.provider(), providers.ids());
        }
        DeliveryContext context = new DeliveryContext(settings.settingsFor(command.organizationId(), provider),
                command.channel(), DeliveryContext.Phase.RECEIVING);
        DeliveryReader.Read read = DeliveryReader.read(translator.get(), command.raw(), context);
        DeliveryId id = DeliveryId.newId();
        if (read instanceof DeliveryReader.Read.Refuse refuse) {
            return new AcceptDeliveryResult.Refused(refuse.rejection());
        }
        if (read instanceof DeliveryReader.Read.Invalid invalid) {
            return new AcceptDeliveryResult.Refused(invalid.asRejection());
        }
        if (read instanceof DeliveryReader.Read.Drop drop) {
            deliveries.store(new NewDelivery(id, command.organizationId(), provider, clock.instant(), command.raw(),
                    command.channel(), null, DeliveryStatus.DROPPED, drop.reason(), null));
            return new AcceptDeliveryResult.Stored(id);
        }
        if (!(read instanceof DeliveryReader.Read.Call accepted)) {
            throw DeliveryReader.unexpected(read);
        }
        CallIngest call = accepted.call();
        awaitRoom.run();
        translated.keep(id, call, command.raw().bodyLength());
        try {
            deliveries.store(new NewDelivery(id, command.organizationId(), provider, clock.instant(), command.raw(),
                    command.channel(), call.externalId(), DeliveryStatus.PENDING, null, null));
        } catch (RuntimeException notStored) {
            translated.forget(id);
            throw notStored;
        }
        onStored.run();
        return new AcceptDeliveryResult.Stored(id);
    }
}
