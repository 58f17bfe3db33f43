package ai.zelto.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;

/** The background processing of deliveries. */
public class WorkerSettings {
    @JsonProperty
    @Min(1)
    @Env("ZELTO_WORKER_THREADS")
    private int threads = 2;

    @JsonProperty
    @Min(1)
    @Env("ZELTO_WORKER_BATCH_SIZE")
    private int batchSize = 50;

    /**
     * A batch stops growing once its deliveries' bodies reach this many bytes (it holds at least one), so that
     * large deliveries cannot make a batch's bodies exhaust the heap.
     */
    @JsonProperty
    @Min(1024)
    @Env("ZELTO_WORKER_BATCH_BYTES")
    private long batchBytes = 8L * 1024 * 1024;

    /**
     * While more deliveries than this wait for processing, acknowledgements slow down (by at most a second each)
     * so that processing keeps up. About two seconds of processing at full speed on two cores: a call becomes
     * visible within seconds under any load.
     */
    @JsonProperty
    @Min(1)
    @Env("ZELTO_WORKER_BACKLOG_LIMIT")
    private long backlogLimit = 2_000;

    @JsonProperty
    @Min(1)
    @Env("ZELTO_WORKER_IDLE_POLL_MILLIS")
    private long idlePollMillis = 100;

    /** The health check turns unhealthy when the oldest pending delivery waits longer than this. */
    @JsonProperty
    @Min(1)
    @Env("ZELTO_WORKER_MAX_BACKLOG_AGE_SECONDS")
    private long maxBacklogAgeSeconds = 120;

    public int getThreads() {
        return threads;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public long getBatchBytes() {
        return batchBytes;
    }

    public long getBacklogLimit() {
        return backlogLimit;
    }

    public long getIdlePollMillis() {
        return idlePollMillis;
    }

    public long getMaxBacklogAgeSeconds() {
        return maxBacklogAgeSeconds;
    }
}
