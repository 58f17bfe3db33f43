package ai.zelto.application.service.recording;

import ai.zelto.application.port.out.JobQueue;

/** Runs a transcription job; how failures are retried is the caller's. */
@FunctionalInterface
public interface TranscriptionJobs {
    /** Decides whether a failed job is retried; returns true when it will be. */
    @FunctionalInterface
    interface Retry {
        boolean retryOrFail(JobQueue.Job job, String reason, boolean retryable);
    }

    void run(JobQueue.Job job, Retry retry);

    /** What runs transcription jobs when no transcriber is configured: each fails for that reason, until retried. */
    static TranscriptionJobs unavailable() {
        return (job, retry) -> retry.retryOrFail(job, "no transcriber is configured", false);
    }
}
