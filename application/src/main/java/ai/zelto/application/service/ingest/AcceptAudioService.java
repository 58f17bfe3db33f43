package ai.zelto.application.service.ingest;

import ai.zelto.application.port.in.ingest.AcceptAudioCommand;
import ai.zelto.application.port.in.ingest.AcceptAudioResult;
import ai.zelto.application.port.in.ingest.AcceptAudioUseCase;
import ai.zelto.application.port.out.Attachment;
import ai.zelto.application.port.out.BlobStore;
import ai.zelto.application.port.out.DeliveryRepository;
import ai.zelto.application.port.out.NewDelivery;
import ai.zelto.application.provider.ProviderRegistry;
import ai.zelto.application.spi.provider.DeliveryContext;
import ai.zelto.application.spi.provider.DeliveryTranslator;
import ai.zelto.application.spi.provider.Translation;
import ai.zelto.domain.delivery.DeliveryId;
import ai.zelto.domain.delivery.DeliveryStatus;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.recording.AudioFormat;
import ai.zelto.domain.shared.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Audio-only uploads: checks the call's fields like {@code POST /webhooks/calls} (the canonical rules), checks
 * the file is audio by its bytes, stores the audio durably and then the delivery, and only then answers.
 */
public final class AcceptAudioService implements AcceptAudioUseCase {
    private final DeliveryTranslator canonical;
    private final DeliveryRepository deliveries;
    private final BlobStore blobs;
    private final Optional<String> unavailableHow;
    private final Clock clock;
    private final Runnable onStored;

    /**
     * @param unavailableHow when no transcriber is configured, how to configure one; empty when there is one
     */
    public AcceptAudioService(ProviderRegistry providers, DeliveryRepository deliveries, BlobStore blobs,
                              Optional<String> unavailableHow, Clock clock, Runnable onStored) {
        this.canonical = providers.translator(ProviderRegistry.DEFAULT_PROVIDER)
                .orElseThrow(() -> new IllegalStateException("the built-in zelto provider is missing"));
        this.deliveries = deliveries;
        this.blobs = blobs;
        this.unavailableHow = unavailableHow;
        this.clock = clock;
        this.onStored = onStored;
    }

    @Override
    public AcceptAudioResult acceptAudio(AcceptAudioCommand command) {
        if (unavailableHow.isPresent()) {
            return new AcceptAudioResult.Unavailable("Transcription unavailable", unavailableHow.get());
        }
        DeliveryReader.Read read = DeliveryReader.read(canonical, command.call(), new DeliveryContext(Map.of(),
                DeliveryContext.Channel.API_KEY, DeliveryContext.Phase.RECEIVING));
        if (read instanceof DeliveryReader.Read.Refuse refuse) {
            return new AcceptAudioResult.Refused(refuse.rejection());
        }
        if (read instanceof DeliveryReader.Read.Invalid invalid) {
            return new AcceptAudioResult.Refused(invalid.asRejection());
        }
        if (!(read instanceof DeliveryReader.Read.Call call)) {
            // the canonical plugin drops nothing: a drop here is a bug, not a caller's mistake
            throw DeliveryReader.unexpected(read);
        }
        if (command.audio() == null) {
            return invalidFile("is required: the audio file");
        }
        Optional<Attachment> attachment = describe(command);
        if (attachment.isEmpty()) {
            return invalidFile("must be audio (WAV, MP3, OGG, M4A or WebM)");
        }
        DeliveryId id = DeliveryId.newId();
        String key = attachment.get().blobKey() + "/" + id;
        try {
            blobs.put(key, command.audio());
        } catch (IOException e) {
            throw new UncheckedIOException("the blob store could not store the upload", e);
        }
        Attachment stored = new Attachment(key, attachment.get().contentType(), attachment.get().bytes(),
                attachment.get().sha256(), attachment.get().durationSeconds());
        deliveries.store(new NewDelivery(id, command.organizationId(), ProviderRegistry.DEFAULT_PROVIDER,
                clock.instant(), command.call(), DeliveryContext.Channel.API_KEY,
                call.call().externalId(), DeliveryStatus.PENDING, null, stored));
        onStored.run();
        return new AcceptAudioResult.Stored(id);
    }

    private static AcceptAudioResult invalidFile(String message) {
        return new AcceptAudioResult.Refused(Translation.Rejected.invalid(Map.of("file", message)));
    }

    /** Format, size, SHA-256 and (for WAV) duration of the upload; empty when it is not audio. */
    private static Optional<Attachment> describe(AcceptAudioCommand command) {
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(command.audio()), digest)) {
            byte[] head = in.readNBytes(4096);
            Optional<AudioFormat> format = AudioFormat.sniff(head, head.length);
            if (format.isEmpty()) {
                return Optional.empty();
            }
            in.transferTo(OutputStream.nullOutputStream());
            String sha256 = Sha256.hex(digest);
            return Optional.of(new Attachment(uploadPrefix(command.organizationId()), format.get().contentType(),
                    Files.size(command.audio()), sha256, AudioFormat.wavDuration(head, head.length).orElse(null)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded file", e);
        }
    }

    private static String uploadPrefix(OrganizationId organizationId) {
        return "uploads/" + organizationId;
    }
}
