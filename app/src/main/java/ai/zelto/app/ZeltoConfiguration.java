package ai.zelto.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Zelto's settings. Every one has a built-in default; a YAML file may set them, and environment variables
 * override both (see {@link EnvironmentOverrides} and the README).
 */
public class ZeltoConfiguration extends Configuration {
    /** Where the embedded database and other local files live. */
    @NotNull
    private String dataDir = "./zelto-data";

    @Valid
    @NotNull
    private DatabaseSettings database = new DatabaseSettings();

    /** When set, the first organization's first key is exactly this (automation). */
    private String bootstrapApiKey;

    @Min(1024)
    private long maxBodyBytes = 10L * 1024 * 1024;

    /**
     * What the webhook bodies in flight may cost in memory together, parsed trees included; 0 means a quarter of
     * the heap. A body that does not fit waits briefly, then gets 503 with {@code Retry-After}.
     */
    @Min(0)
    private long ingestMemoryBytes = 0;

    @JsonProperty
    public long getIngestMemoryBytes() {
        return ingestMemoryBytes;
    }

    @JsonProperty
    public void setIngestMemoryBytes(long ingestMemoryBytes) {
        this.ingestMemoryBytes = ingestMemoryBytes;
    }

    /** The longest a client may take to send a webhook body (408 after it). */
    @Min(1)
    private long bodyReadTimeoutSeconds = 60;

    @JsonProperty
    public long getBodyReadTimeoutSeconds() {
        return bodyReadTimeoutSeconds;
    }

    @JsonProperty
    public void setBodyReadTimeoutSeconds(long bodyReadTimeoutSeconds) {
        this.bodyReadTimeoutSeconds = bodyReadTimeoutSeconds;
    }

    /** Requests per second each API key may make on average, per app copy. */
    @Min(1)
    private double rateLimitPerSecond = 200;

    /** Requests each API key may make at once before the average rate applies. */
    @Min(1)
    private double rateLimitBurst = 2000;

    @JsonProperty
    public double getRateLimitPerSecond() {
        return rateLimitPerSecond;
    }

    @JsonProperty
    public void setRateLimitPerSecond(double rateLimitPerSecond) {
        this.rateLimitPerSecond = rateLimitPerSecond;
    }

    @JsonProperty
    public double getRateLimitBurst() {
        return rateLimitBurst;
    }

    @JsonProperty
    public void setRateLimitBurst(double rateLimitBurst) {
        this.rateLimitBurst = rateLimitBurst;
    }

    @Min(0)
    private long creditsPerStartedMinute = 1;

    @Min(0)
    private long initialCredits = 1000;

    @Valid
    @NotNull
    private WorkerSettings worker = new WorkerSettings();

    @Valid
    @NotNull
    private RecordingSettings recordings = new RecordingSettings();

    @JsonProperty
    public RecordingSettings getRecordings() {
        return recordings;
    }

    @JsonProperty
    public void setRecordings(RecordingSettings recordings) {
        this.recordings = recordings;
    }

    /** Copying recordings from the URLs callers give. */
    public static class RecordingSettings {
        /** Comma-separated hosts that may be internal addresses (e.g. {@code 127.0.0.1}); none by default. */
        private String fetchAllowedHosts = "";
        @Min(1)
        private long fetchMaxBytes = 500L * 1024 * 1024;
        @Min(1)
        private long fetchTimeoutSeconds = 300;
        @Min(1)
        private int maxAttempts = 6;
        /** First retry delay; each later one is four times longer. */
        @Min(1)
        private long retryBaseMillis = 30_000;
        @Min(1)
        private int jobThreads = 2;

        @JsonProperty
        public String getFetchAllowedHosts() {
            return fetchAllowedHosts;
        }

        @JsonProperty
        public void setFetchAllowedHosts(String fetchAllowedHosts) {
            this.fetchAllowedHosts = fetchAllowedHosts;
        }

        @JsonProperty
        public long getFetchMaxBytes() {
            return fetchMaxBytes;
        }

        @JsonProperty
        public void setFetchMaxBytes(long fetchMaxBytes) {
            this.fetchMaxBytes = fetchMaxBytes;
        }

        @JsonProperty
        public long getFetchTimeoutSeconds() {
            return fetchTimeoutSeconds;
        }

        @JsonProperty
        public void setFetchTimeoutSeconds(long fetchTimeoutSeconds) {
            this.fetchTimeoutSeconds = fetchTimeoutSeconds;
        }

        @JsonProperty
        public int getMaxAttempts() {
            return maxAttempts;
        }

        @JsonProperty
        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        @JsonProperty
        public long getRetryBaseMillis() {
            return retryBaseMillis;
        }

        @JsonProperty
        public void setRetryBaseMillis(long retryBaseMillis) {
            this.retryBaseMillis = retryBaseMillis;
        }

        @JsonProperty
        public int getJobThreads() {
            return jobThreads;
        }

        @JsonProperty
        public void setJobThreads(int jobThreads) {
            this.jobThreads = jobThreads;
        }
    }

    @Valid
    @NotNull
    private TranscriberSettings transcriber = new TranscriberSettings();

    @JsonProperty
    public TranscriberSettings getTranscriber() {
        return transcriber;
    }

    @JsonProperty
    public void setTranscriber(TranscriberSettings transcriber) {
        this.transcriber = transcriber;
    }

    /** Transcription of audio-only uploads. */
    public static class TranscriberSettings {
        /** {@code openai} or {@code pocketsphinx}; when unset, PocketSphinx if it is installed, else none. */
        private String engine;
        private String url;
        private String apiKey;
        private String model = "whisper-1";
        @Min(1)
        private long timeoutSeconds = 300;
        @Min(1)
        private long maxUploadBytes = 500L * 1024 * 1024;

        @JsonProperty
        public String getEngine() {
            return engine;
        }

        @JsonProperty
        public void setEngine(String engine) {
            this.engine = engine;
        }

        @JsonProperty
        public String getUrl() {
            return url;
        }

        @JsonProperty
        public void setUrl(String url) {
            this.url = url;
        }

        @JsonProperty
        public String getApiKey() {
            return apiKey;
        }

        @JsonProperty
        public void setApiKey(String apiKey) {
            this.apiKey = apiKey;
        }

        @JsonProperty
        public String getModel() {
            return model;
        }

        @JsonProperty
        public void setModel(String model) {
            this.model = model;
        }

        @JsonProperty
        public long getTimeoutSeconds() {
            return timeoutSeconds;
        }

        @JsonProperty
        public void setTimeoutSeconds(long timeoutSeconds) {
            this.timeoutSeconds = timeoutSeconds;
        }

        @JsonProperty
        public long getMaxUploadBytes() {
            return maxUploadBytes;
        }

        @JsonProperty
        public void setMaxUploadBytes(long maxUploadBytes) {
            this.maxUploadBytes = maxUploadBytes;
        }
    }

    @Valid
    @NotNull
    private StorageSettings storage = new StorageSettings();

    @JsonProperty
    public StorageSettings getStorage() {
        return storage;
    }

    @JsonProperty
    public void setStorage(StorageSettings storage) {
        this.storage = storage;
    }

    /** Where recordings are kept: {@code file} (under the data directory) or {@code s3}. */
    public static class StorageSettings {
        private String type = "file";
        private String s3Endpoint;
        private String s3Region = "us-east-1";
        private String s3Bucket;
        private String s3AccessKey;
        private String s3SecretKey;
        private boolean s3PathStyle = true;

        @JsonProperty
        public String getType() {
            return type;
        }

        @JsonProperty
        public void setType(String type) {
            this.type = type;
        }

        @JsonProperty
        public String getS3Endpoint() {
            return s3Endpoint;
        }

        @JsonProperty
        public void setS3Endpoint(String s3Endpoint) {
            this.s3Endpoint = s3Endpoint;
        }

        @JsonProperty
        public String getS3Region() {
            return s3Region;
        }

        @JsonProperty
        public void setS3Region(String s3Region) {
            this.s3Region = s3Region;
        }

        @JsonProperty
        public String getS3Bucket() {
            return s3Bucket;
        }

        @JsonProperty
        public void setS3Bucket(String s3Bucket) {
            this.s3Bucket = s3Bucket;
        }

        @JsonProperty
        public String getS3AccessKey() {
            return s3AccessKey;
        }

        @JsonProperty
        public void setS3AccessKey(String s3AccessKey) {
            this.s3AccessKey = s3AccessKey;
        }

        @JsonProperty
        public String getS3SecretKey() {
            return s3SecretKey;
        }

        @JsonProperty
        public void setS3SecretKey(String s3SecretKey) {
            this.s3SecretKey = s3SecretKey;
        }

        @JsonProperty
        public boolean isS3PathStyle() {
            return s3PathStyle;
        }

        @JsonProperty
        public void setS3PathStyle(boolean s3PathStyle) {
            this.s3PathStyle = s3PathStyle;
        }
    }

    /** Base64 of 32 bytes that encrypt secrets at rest; when unset, {@code <dataDir>/secrets.key}. */
    private String secretsKey;

    /** The server's public base URL, for absolute hook URLs; when unset, hook URLs are paths. */
    private String publicUrl;

    /** Where plugin jars are loaded from; when unset, {@code <dataDir>/plugins}. */
    private String pluginDir;

    @JsonProperty
    public String getSecretsKey() {
        return secretsKey;
    }

    @JsonProperty
    public void setSecretsKey(String secretsKey) {
        this.secretsKey = secretsKey;
    }

    @JsonProperty
    public String getPublicUrl() {
        return publicUrl;
    }

    @JsonProperty
    public void setPublicUrl(String publicUrl) {
        this.publicUrl = publicUrl;
    }

    @JsonProperty
    public String getPluginDir() {
        return pluginDir;
    }

    @JsonProperty
    public void setPluginDir(String pluginDir) {
        this.pluginDir = pluginDir;
    }

    /** The plugins directory: as configured, else {@code <dataDir>/plugins}. */
    public java.nio.file.Path pluginDirectory() {
        return pluginDir != null && !pluginDir.isBlank() ? java.nio.file.Path.of(pluginDir)
                : java.nio.file.Path.of(dataDir).resolve("plugins");
    }

    @JsonProperty
    public String getDataDir() {
        return dataDir;
    }

    @JsonProperty
    public void setDataDir(String dataDir) {
        this.dataDir = dataDir;
    }

    @JsonProperty
    public DatabaseSettings getDatabase() {
        return database;
    }

    @JsonProperty
    public void setDatabase(DatabaseSettings database) {
        this.database = database;
    }

    @JsonProperty
    public String getBootstrapApiKey() {
        return bootstrapApiKey;
    }

    @JsonProperty
    public void setBootstrapApiKey(String bootstrapApiKey) {
        this.bootstrapApiKey = bootstrapApiKey;
    }

    @JsonProperty
    public long getMaxBodyBytes() {
        return maxBodyBytes;
    }

    @JsonProperty
    public void setMaxBodyBytes(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @JsonProperty
    public long getCreditsPerStartedMinute() {
        return creditsPerStartedMinute;
    }

    @JsonProperty
    public void setCreditsPerStartedMinute(long creditsPerStartedMinute) {
        this.creditsPerStartedMinute = creditsPerStartedMinute;
    }

    @JsonProperty
    public long getInitialCredits() {
        return initialCredits;
    }

    @JsonProperty
    public void setInitialCredits(long initialCredits) {
        this.initialCredits = initialCredits;
    }

    @JsonProperty
    public WorkerSettings getWorker() {
        return worker;
    }

    @JsonProperty
    public void setWorker(WorkerSettings worker) {
        this.worker = worker;
    }

    /** The database to use; with no URL, Zelto runs its own embedded PostgreSQL under the data directory. */
    public static class DatabaseSettings {
        private String url;
        private String user;
        private String password;
        @Min(2)
        private int maxConnections = 32;

        @JsonProperty
        public String getUrl() {
            return url;
        }

        @JsonProperty
        public void setUrl(String url) {
            this.url = url;
        }

        @JsonProperty
        public String getUser() {
            return user;
        }

        @JsonProperty
        public void setUser(String user) {
            this.user = user;
        }

        @JsonProperty
        public String getPassword() {
            return password;
        }

        @JsonProperty
        public void setPassword(String password) {
            this.password = password;
        }

        @JsonProperty
        public int getMaxConnections() {
            return maxConnections;
        }

        @JsonProperty
        public void setMaxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
        }
    }

    /** The background processing of deliveries. */
    public static class WorkerSettings {
        @Min(1)
        private int threads = 2;
        @Min(1)
        private int batchSize = 50;
        /**
         * A batch stops growing once its deliveries' bodies reach this many bytes (it holds at least one), so
         * that large deliveries cannot make a batch's bodies exhaust the heap.
         */
        @Min(1024)
        private long batchBytes = 8L * 1024 * 1024;
        /**
         * While more deliveries than this wait for processing, acknowledgements slow down (by at most a second
         * each) so that processing keeps up. About two seconds of processing at full speed on two cores: a call
         * becomes visible within seconds under any load.
         */
        @Min(1)
        private long backlogLimit = 2_000;
        @Min(1)
        private long idlePollMillis = 100;
        /** The health check turns unhealthy when the oldest pending delivery waits longer than this. */
        @Min(1)
        private long maxBacklogAgeSeconds = 120;

        @JsonProperty
        public int getThreads() {
            return threads;
        }

        @JsonProperty
        public void setThreads(int threads) {
            this.threads = threads;
        }

        @JsonProperty
        public int getBatchSize() {
            return batchSize;
        }

        @JsonProperty
        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        @JsonProperty
        public long getBatchBytes() {
            return batchBytes;
        }

        @JsonProperty
        public void setBatchBytes(long batchBytes) {
            this.batchBytes = batchBytes;
        }

        @JsonProperty
        public long getBacklogLimit() {
            return backlogLimit;
        }

        @JsonProperty
        public void setBacklogLimit(long backlogLimit) {
            this.backlogLimit = backlogLimit;
        }

        @JsonProperty
        public long getIdlePollMillis() {
            return idlePollMillis;
        }

        @JsonProperty
        public void setIdlePollMillis(long idlePollMillis) {
            this.idlePollMillis = idlePollMillis;
        }

        @JsonProperty
        public long getMaxBacklogAgeSeconds() {
            return maxBacklogAgeSeconds;
        }

        @JsonProperty
        public void setMaxBacklogAgeSeconds(long maxBacklogAgeSeconds) {
            this.maxBacklogAgeSeconds = maxBacklogAgeSeconds;
        }
    }
}
