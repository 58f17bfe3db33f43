package ai.zelto.application.port.in.ingest;

/**
 * Accepts an audio-only call: stores the audio and the delivery durably (the audio first), for background
 * processing and transcription. Refused up front when no transcriber is configured.
 */
public interface AcceptAudioUseCase {
    AcceptAudioResult acceptAudio(AcceptAudioCommand command);
}
