package ai.zelto.app.config;

import ai.zelto.adapters.audio.SafeHttpRecordingFetcher;
import ai.zelto.application.outbound.OutboundGuard;
import ai.zelto.application.port.out.RecordingFetcher;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Copying recordings from the URLs callers give, and the jobs that copy and transcribe them. */
public class RecordingSettings {
    /** Comma-separated hosts that may be internal addresses (e.g. {@code 127.0.0.1}); none by default. */
    @JsonProperty
    @Env("ZELTO_FETCH_ALLOWED_HOSTS")
    private String fetchAllowedHosts = "";

    @JsonProperty
    @Min(1)
    @Env("ZELTO_FETCH_MAX_BYTES")
    private long fetchMaxBytes = 500L * 1024 * 1024;

    @JsonProperty
    @Min(1)
    @Env("ZELTO_FETCH_TIMEOUT_SECONDS")
    private long fetchTimeoutSeconds = 300;

    @JsonProperty
    @Min(1)
    @Env("ZELTO_RECORDING_MAX_ATTEMPTS")
    private int maxAttempts = 6;

    /** First retry delay; each later one is four times longer. */
    @JsonProperty
    @Min(1)
    @Env("ZELTO_RECORDING_RETRY_BASE_MILLIS")
    private long retryBaseMillis = 30_000;

    @JsonProperty
    @Min(1)
    @Env("ZELTO_RECORDING_JOB_THREADS")
    private int jobThreads = 2;

    /** The fetcher that copies recordings, refusing internal addresses except the allowed hosts. */
    public RecordingFetcher buildFetcher() {
        return new SafeHttpRecordingFetcher(allowedHosts(), fetchMaxBytes, Duration.ofSeconds(fetchTimeoutSeconds));
    }

    /**
     * What decides whether Zelto may connect to an address a user gave (a recording URL, an organization's own
     * LiveKit server): public addresses, and the allowed hosts.
     */
    public OutboundGuard outboundGuard() {
        return new OutboundGuard(allowedHosts());
    }

    private Set<String> allowedHosts() {
        return Arrays.stream(fetchAllowedHosts.split(",")).map(String::strip)
                .filter(host -> !host.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public Duration retryBase() {
        return Duration.ofMillis(retryBaseMillis);
    }

    public int getJobThreads() {
        return jobThreads;
    }
}
