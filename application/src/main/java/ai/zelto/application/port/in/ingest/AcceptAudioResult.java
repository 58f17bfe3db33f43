package ai.zelto.application.port.in.ingest;

import ai.zelto.application.spi.provider.Translation;
import ai.zelto.domain.delivery.DeliveryId;

/** The outcome of accepting an audio-only call. */
public sealed interface AcceptAudioResult {
    /** The audio and the delivery are committed, for processing and transcription. */
    record Stored(DeliveryId deliveryId) implements AcceptAudioResult {
    }

    /** Zelto cannot transcribe (no transcriber is configured); nothing was stored. */
    record Unavailable(String error, String how) implements AcceptAudioResult {
    }

    /** The call's fields or the file are refused; nothing was stored. */
    record Refused(Translation.Rejected rejection) implements AcceptAudioResult {
    }
}
