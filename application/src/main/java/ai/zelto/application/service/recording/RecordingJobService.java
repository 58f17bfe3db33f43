package ai.zelto.application.service.recording;

import ai.zelto.application.port.in.recording.RunJobsUseCase;
import ai.zelto.application.port.out.BlobStore;
import ai.zelto.application.port.out.JobQueue;
import ai.zelto.application.port.out.RecordingFetcher;
import ai.zelto.application.port.out.RecordingRepository;
import ai.zelto.domain.recording.Recording;
import ai.zelto.domain.recording.RecordingStatus;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs due jobs. Copying a recording: fetch the source safely, store the bytes in the blob store, record where;
 * a failure that may pass is retried with exponential backoff (base, 4×base, 16×base, …) until the attempts run
 * out, then the recording shows {@code failed} with the reason. A job whose source URL is no longer the
 * conversation's is obsolete and just completes.
 */
public final class RecordingJobService implements RunJobsUseCase {
    private static final System.Logger LOG = System.getLogger(RecordingJobService.class.getName());
    private static final Duration LEASE = Duration.ofMinutes(10);

    private final JobQueue jobs;
    private final RecordingRepository recordings;
    private final RecordingFetcher fetcher;
    private final BlobStore blobs;
    private final TranscriptionJobs transcriptions;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration retryBase;

    public RecordingJobService(JobQueue jobs, RecordingRepository recordings, RecordingFetcher fetcher, BlobStore blobs,
                               TranscriptionJobs transcriptions, Clock clock, int maxAttempts, Duration retryBase) {
        this.jobs = jobs;
        this.recordings = recordings;
        this.fetcher = fetcher;
        this.blobs = blobs;
        this.transcriptions = transcriptions;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.retryBase = retryBase;
    }

    @Override
    public int runDueJobs() {
        List<JobQueue.Job> due = jobs.claim(4, clock.instant(), LEASE);
        for (JobQueue.Job job : due) {
            try {
                switch (job.kind()) {
                    case COPY_RECORDING -> copy(job);
                    case TRANSCRIBE -> transcriptions.run(job, this::retryOrFail);
                }
            } catch (RuntimeException unexpected) {
                LOG.log(Level.ERROR, "job " + job.id() + " failed unexpectedly", unexpected);
                retryOrFail(job, "internal error: " + unexpected.getClass().getSimpleName(), true);
            }
        }
        return due.size();
    }

    private void copy(JobQueue.Job job) {
        String url = job.payload();
        Optional<Recording> current = recordings.find(job.conversationId());
        if (current.isEmpty() || !url.equals(current.get().sourceUrl())) {
            jobs.complete(job.id());
            return;
        }
        RecordingFetcher.Fetched fetched = null;
        try {
            fetched = fetcher.fetch(url);
            String key = "recordings/" + job.conversationId() + "/" + fetched.sha256();
            blobs.put(key, fetched.file());
            recordings.markStored(job.conversationId(), url, new Recording(url, RecordingStatus.STORED, null,
                    fetched.format().contentType(), fetched.bytes(), fetched.durationSeconds(), key, fetched.sha256()),
                    clock.instant());
            jobs.complete(job.id());
        } catch (RecordingFetcher.FetchException failure) {
            problem(job, url, failure.getMessage(), failure.retryable());
        } catch (IOException storage) {
            problem(job, url, "could not store the copy: " + storage.getMessage(), true);
        } finally {
            if (fetched != null) {
                try {
                    Files.deleteIfExists(fetched.file());
                } catch (IOException ignored) {
                    LOG.log(Level.WARNING, "could not delete temporary file " + fetched.file());
                }
            }
        }
    }

    private void problem(JobQueue.Job job, String url, String reason, boolean retryable) {
        boolean retrying = retryOrFail(job, reason, retryable);
        RecordingStatus status = retrying ? RecordingStatus.PENDING : RecordingStatus.FAILED;
        String shown = retrying ? reason + " (attempt " + job.attempts() + " of " + maxAttempts + "; retrying)" : reason;
        recordings.markProblem(job.conversationId(), url,
                new Recording(url, status, shown, null, null, null, null, null), clock.instant());
    }

    /** Schedules the next attempt, or gives up. @return whether it will be retried */
    boolean retryOrFail(JobQueue.Job job, String reason, boolean retryable) {
        if (retryable && job.attempts() < maxAttempts) {
            Duration delay = retryBase.multipliedBy(1L << Math.min(2 * (job.attempts() - 1), 40));
            Instant next = clock.instant().plus(delay);
            jobs.retry(job.id(), next, reason);
            return true;
        }
        jobs.fail(job.id(), reason);
        return false;
    }
}
