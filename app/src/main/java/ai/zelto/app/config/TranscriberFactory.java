package ai.zelto.app.config;

import ai.zelto.adapters.audio.OpenAiCompatibleTranscriber;
import ai.zelto.adapters.audio.PocketSphinxTranscriber;
import ai.zelto.application.port.out.Transcriber;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Transcription of audio-only uploads: {@code ZELTO_TRANSCRIBER=openai} (with {@code ZELTO_TRANSCRIBER_URL}) or
 * {@code pocketsphinx}; unset means PocketSphinx when it is installed, else none (audio uploads are then refused
 * with {@link #HOW_TO_CONFIGURE}). An explicit choice that cannot work stops start-up.
 */
public class TranscriberFactory {
    public static final String HOW_TO_CONFIGURE = "no transcriber is configured: set ZELTO_TRANSCRIBER=openai with"
            + " ZELTO_TRANSCRIBER_URL (and ZELTO_TRANSCRIBER_API_KEY, ZELTO_TRANSCRIBER_MODEL) for an OpenAI-compatible"
            + " speech-to-text API, or install pocketsphinx, pocketsphinx-en-us and sox for offline transcription";

    /** {@code openai}, {@code pocketsphinx} or {@code none}; when unset, PocketSphinx if it is installed. */
    @JsonProperty
    @Env("ZELTO_TRANSCRIBER")
    private String engine;

    @JsonProperty
    @Env("ZELTO_TRANSCRIBER_URL")
    private String url;

    @JsonProperty
    @Env("ZELTO_TRANSCRIBER_API_KEY")
    private String apiKey;

    @JsonProperty
    @Env("ZELTO_TRANSCRIBER_MODEL")
    private String model = "whisper-1";

    @JsonProperty
    @Min(1)
    @Env("ZELTO_TRANSCRIBER_TIMEOUT_SECONDS")
    private long timeoutSeconds = 300;

    @JsonProperty
    @Min(1)
    @Env("ZELTO_MAX_UPLOAD_BYTES")
    private long maxUploadBytes = 500L * 1024 * 1024;

    /** The chosen engine, or empty when there is none. */
    public Optional<Transcriber> build() {
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        String chosen = engine == null ? "" : engine.strip().toLowerCase(Locale.ROOT);
        switch (chosen) {
            case "openai" -> {
                if (url == null || url.isBlank()) {
                    throw new IllegalStateException("ZELTO_TRANSCRIBER=openai needs ZELTO_TRANSCRIBER_URL, the base URL"
                            + " of an OpenAI-compatible API (e.g. https://api.openai.com/v1)");
                }
                return Optional.of(new OpenAiCompatibleTranscriber(url, apiKey, model, timeout));
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
                    + engine + "'");
        }
    }

    public long getMaxUploadBytes() {
        return maxUploadBytes;
    }
}
