package ai.zelto.app;

import ai.zelto.adapters.audio.OpenAiCompatibleTranscriber;
import ai.zelto.adapters.audio.PocketSphinxTranscriber;
import ai.zelto.application.port.out.Transcriber;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the transcription engine: {@code ZELTO_TRANSCRIBER=openai} (with {@code ZELTO_TRANSCRIBER_URL}) or
 * {@code pocketsphinx}; unset means PocketSphinx when it is installed, else none (audio uploads are then refused
 * with a message saying how to configure one). An explicit choice that cannot work stops start-up.
 */
final class Transcribers {
    static final String HOW_TO_CONFIGURE = "no transcriber is configured: set ZELTO_TRANSCRIBER=openai with"
            + " ZELTO_TRANSCRIBER_URL (and ZELTO_TRANSCRIBER_API_KEY, ZELTO_TRANSCRIBER_MODEL) for an OpenAI-compatible"
            + " speech-to-text API, or install pocketsphinx, pocketsphinx-en-us and sox for offline transcription";

    private Transcribers() {
    }

    static Optional<Transcriber> choose(ZeltoConfiguration.TranscriberSettings settings) {
        Duration timeout = Duration.ofSeconds(settings.getTimeoutSeconds());
        String engine = settings.getEngine() == null ? "" : settings.getEngine().strip().toLowerCase(Locale.ROOT);
        switch (engine) {
            case "openai" -> {
                if (settings.getUrl() == null || settings.getUrl().isBlank()) {
                    throw new IllegalStateException("ZELTO_TRANSCRIBER=openai needs ZELTO_TRANSCRIBER_URL, the base URL of"
                            + " an OpenAI-compatible API (e.g. https://api.openai.com/v1)");
                }
                return Optional.of(new OpenAiCompatibleTranscriber(settings.getUrl(), settings.getApiKey(),
                        settings.getModel(), timeout));
            }
            case "pocketsphinx" -> {
                return Optional.of(PocketSphinxTranscriber.detect(timeout).orElseThrow(() -> new IllegalStateException(
                        "ZELTO_TRANSCRIBER=pocketsphinx needs pocketsphinx_continuous and sox (or ffmpeg) on the PATH:"
                                + " apt-get install pocketsphinx pocketsphinx-en-us sox")));
            }
            case "", "auto" -> {
                return PocketSphinxTranscriber.detect(timeout).map(Transcriber.class::cast);
            }
            case "none" -> {
                return Optional.empty();
            }
            default -> throw new IllegalStateException("ZELTO_TRANSCRIBER is openai, pocketsphinx or none, not '"
                    + settings.getEngine() + "'");
        }
    }
}
