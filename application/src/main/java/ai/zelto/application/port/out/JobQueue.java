package ai.zelto.application.port.out;

import ai.zelto.domain.conversation.ConversationId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Durable background jobs (copying a recording, transcribing audio). A claimed job is leased: if the worker
 * dies, the lease runs out and another worker takes the job again.
 */
public interface JobQueue {
    /** What a job does. */
    enum Kind { COPY_RECORDING, TRANSCRIBE }

    /** A claimed job. {@code attempts} counts this one. */
    record Job(long id, Kind kind, ConversationId conversationId, String payload, int attempts) {
    }

    /** Enqueues inside the caller's transaction: the job exists exactly when that transaction commits. */
    void enqueue(Kind kind, ConversationId conversationId, String payload, Instant runAt);

    /** Claims up to {@code max} due jobs for {@code lease}, committed before returning. */
    List<Job> claim(int max, Instant now, Duration lease);

    void complete(long jobId);

    void retry(long jobId, Instant runAt, String error);

    void fail(long jobId, String error);
}
