package ai.zelto.application.port.in.recording;

/** Runs due background jobs (copying recordings, transcribing audio); what the jobs worker loop calls. */
public interface RunJobsUseCase {
    /** @return how many jobs were run */
    int runDueJobs();
}
