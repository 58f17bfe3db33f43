package ai.zelto.app.wiring;

import ai.zelto.adapters.http.conversation.RecordingResource;
import ai.zelto.app.config.RecordingSettings;
import ai.zelto.application.port.out.BlobStore;
import ai.zelto.application.port.out.Transcriber;
import ai.zelto.application.service.recording.RecordingJobService;
import ai.zelto.application.service.recording.RecordingPlaybackService;
import ai.zelto.application.service.recording.TranscriptionJobs;
import ai.zelto.application.service.recording.TranscriptionService;
import ai.zelto.application.service.worker.WorkerLoop;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.Optional;

/** Recordings: the blob store, copying and transcription jobs with their worker threads, and playback. */
public final class RecordingWiring implements Feature {
    /** Job workers look for due jobs at most this often when idle: retries are seconds apart at the least. */
    private static final Duration JOB_POLL_AT_MOST = Duration.ofMillis(250);

    public final BlobStore blobs;
    public final Optional<Transcriber> transcriber;
    public final RecordingJobService jobs;
    public final WorkerLoop jobWorker;
    public final RecordingPlaybackService playback;

    RecordingWiring(Foundation base) {
        RecordingSettings settings = base.config.getRecordings();
        this.blobs = base.config.getStorage().build(base.config.dataDirectory(), base.clock);
        this.transcriber = base.config.getTranscriber().build();
        TranscriptionJobs transcriptions = transcriber.<TranscriptionJobs>map(engine -> new TranscriptionService(
                        base.ports.unitOfWork(), base.ports.conversations(), base.ports.recordings(), blobs, engine,
                        base.ports.deliveryQueue(), base.ports.credits(), base.ports.jobs(), base.pricing, base.clock))
                .orElseGet(TranscriptionJobs::unavailable);
        this.jobs = new RecordingJobService(base.ports.jobs(), base.ports.recordings(), settings.buildFetcher(), blobs,
                transcriptions, base.clock, settings.getMaxAttempts(), settings.retryBase());
        Duration idlePoll = Duration.ofMillis(base.config.getWorker().getIdlePollMillis());
        this.jobWorker = new WorkerLoop("job-worker", jobs::runDueJobs, settings.getJobThreads(),
                idlePoll.compareTo(JOB_POLL_AT_MOST) > 0 ? idlePoll : JOB_POLL_AT_MOST);
        this.playback = new RecordingPlaybackService(base.ports.conversationQueries(), base.ports.recordings(), blobs);
    }

    @Override
    public void serve(Environment environment) {
        environment.jersey().register(new RecordingResource(playback));
        environment.lifecycle().manage(new Managed() {
            @Override
            public void start() {
                jobWorker.start();
            }

            @Override
            public void stop() throws InterruptedException {
                jobWorker.stop();
            }
        });
    }
}
