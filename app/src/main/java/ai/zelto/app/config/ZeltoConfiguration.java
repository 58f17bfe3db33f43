package ai.zelto.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;

/**
 * Zelto's settings. Every one has a built-in default; a YAML file may set them (the YAML names are the field
 * names), and the environment variable declared beside each field overrides both. Settings that belong together
 * are a group of their own; the few left here are read by more than one feature.
 */
public class ZeltoConfiguration extends Configuration {
    /** Where the embedded database and other local files live. */
    @JsonProperty
    @NotNull
    @Env("ZELTO_DATA_DIR")
    private String dataDir = "./zelto-data";

    /** Where plugin jars are loaded from; when unset, {@code <dataDir>/plugins}. */
    @JsonProperty
    @Env("ZELTO_PLUGIN_DIR")
    private String pluginDir;

    /** Base64 of 32 bytes that encrypt secrets at rest; when unset, {@code <dataDir>/secrets.key}. */
    @JsonProperty
    @Env("ZELTO_SECRETS_KEY")
    private String secretsKey;

    /** The server's public base URL, for absolute hook URLs; when unset, hook URLs are paths. */
    @JsonProperty
    @Env("ZELTO_PUBLIC_URL")
    private String publicUrl;

    /**
     * With {@link #bootstrapOwnerPassword}: the first organization's owner signs in with this email from the
     * first start, and no setup link is printed (automation).
     */
    @JsonProperty
    @Env("ZELTO_BOOTSTRAP_OWNER_EMAIL")
    private String bootstrapOwnerEmail;

    @JsonProperty
    @Env("ZELTO_BOOTSTRAP_OWNER_PASSWORD")
    private String bootstrapOwnerPassword;

    /** When set, the first organization's first key is exactly this (automation). */
    @JsonProperty
    @Env("ZELTO_BOOTSTRAP_API_KEY")
    private String bootstrapApiKey;

    @JsonProperty
    @Min(1024)
    @Env("ZELTO_MAX_BODY_BYTES")
    private long maxBodyBytes = 10L * 1024 * 1024;

    /**
     * What the webhook bodies in flight may cost in memory together, parsed trees included; 0 means a quarter of
     * the heap. A body that does not fit waits briefly, then gets 503 with {@code Retry-After}.
     */
    @JsonProperty
    @Min(0)
    @Env("ZELTO_INGEST_MEMORY_BYTES")
    private long ingestMemoryBytes = 0;

    /** The longest a client may take to send a webhook body (408 after it). */
    @JsonProperty
    @Min(1)
    @Env("ZELTO_BODY_READ_TIMEOUT_SECONDS")
    private long bodyReadTimeoutSeconds = 60;

    /** Requests per second each API key may make on average, per app copy. */
    @JsonProperty
    @Min(1)
    @Env("ZELTO_RATE_LIMIT_PER_SECOND")
    private double rateLimitPerSecond = 200;

    /** Requests each API key may make at once before the average rate applies. */
    @JsonProperty
    @Min(1)
    @Env("ZELTO_RATE_LIMIT_BURST")
    private double rateLimitBurst = 2000;

    @JsonProperty
    @Min(0)
    @Env("ZELTO_CREDITS_PER_MINUTE")
    private long creditsPerStartedMinute = 1;

    @JsonProperty
    @Min(0)
    @Env("ZELTO_INITIAL_CREDITS")
    private long initialCredits = 1000;

    @JsonProperty
    @Valid
    @NotNull
    private DatabaseSettings database = new DatabaseSettings();

    @JsonProperty
    @Valid
    @NotNull
    private WorkerSettings worker = new WorkerSettings();

    @JsonProperty
    @Valid
    @NotNull
    private RecordingSettings recordings = new RecordingSettings();

    @JsonProperty
    @Valid
    @NotNull
    private StorageFactory storage = new StorageFactory();

    @JsonProperty
    @Valid
    @NotNull
    private TranscriberFactory transcriber = new TranscriberFactory();

    @JsonProperty
    @Valid
    @NotNull
    private LiveKitSettings livekit = new LiveKitSettings();

    @JsonProperty
    @Valid
    @NotNull
    private PhoneSettings phone = new PhoneSettings();

    @JsonProperty
    @Valid
    @NotNull
    private ChatSettings chat = new ChatSettings();

    public Path dataDirectory() {
        return Path.of(dataDir);
    }

    /** The plugins directory: as configured, else {@code <dataDir>/plugins}. */
    public Path pluginDirectory() {
        return pluginDir != null && !pluginDir.isBlank() ? Path.of(pluginDir) : dataDirectory().resolve("plugins");
    }

    public String getSecretsKey() {
        return secretsKey;
    }

    public String getPublicUrl() {
        return publicUrl;
    }

    public String getBootstrapOwnerEmail() {
        return bootstrapOwnerEmail;
    }

    public String getBootstrapOwnerPassword() {
        return bootstrapOwnerPassword;
    }

    public String getBootstrapApiKey() {
        return bootstrapApiKey;
    }

    public long getMaxBodyBytes() {
        return maxBodyBytes;
    }

    public long getIngestMemoryBytes() {
        return ingestMemoryBytes;
    }

    public long getBodyReadTimeoutSeconds() {
        return bodyReadTimeoutSeconds;
    }

    public double getRateLimitPerSecond() {
        return rateLimitPerSecond;
    }

    public double getRateLimitBurst() {
        return rateLimitBurst;
    }

    public long getCreditsPerStartedMinute() {
        return creditsPerStartedMinute;
    }

    public long getInitialCredits() {
        return initialCredits;
    }

    public DatabaseSettings getDatabase() {
        return database;
    }

    public WorkerSettings getWorker() {
        return worker;
    }

    public LiveKitSettings getLivekit() {
        return livekit;
    }

    public PhoneSettings getPhone() {
        return phone;
    }

    public ChatSettings getChat() {
        return chat;
    }

    public RecordingSettings getRecordings() {
        return recordings;
    }

    public StorageFactory getStorage() {
        return storage;
    }

    public TranscriberFactory getTranscriber() {
        return transcriber;
    }
}
