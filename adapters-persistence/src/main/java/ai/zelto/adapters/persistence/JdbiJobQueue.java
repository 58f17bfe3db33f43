package ai.zelto.adapters.persistence;

import ai.zelto.application.port.out.JobQueue;
import ai.zelto.domain.conversation.ConversationId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The jobs table: claims are leases (run_at pushed forward), taken with SKIP LOCKED by any app copy. */
final class JdbiJobQueue implements JobQueue {
    private final Handles handles;

    JdbiJobQueue(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void enqueue(Kind kind, ConversationId conversationId, String payload, Instant runAt) {
        handles.with(handle -> handle.createUpdate("""
                        INSERT INTO jobs (kind, conversation_id, payload, status, run_at, created_at, updated_at)
                        VALUES (:kind, :conversationId, :payload, 'pending', :runAt, :runAt, :runAt)""")
                .bind("kind", kind.name().toLowerCase(Locale.ROOT))
                .bind("conversationId", conversationId.value())
                .bind("payload", payload)
                .bind("runAt", runAt)
                .execute());
    }

    @Override
    public List<Job> claim(int max, Instant now, Duration lease) {
        return handles.inTransaction(() -> handles.with(handle -> handle.createQuery("""
                        UPDATE jobs SET attempts = attempts + 1, run_at = :leaseEnd, updated_at = :now
                        WHERE id IN (SELECT id FROM jobs WHERE status = 'pending' AND run_at <= :now
                                     ORDER BY run_at LIMIT :max FOR UPDATE SKIP LOCKED)
                        RETURNING id, kind, conversation_id, payload, attempts""")
                .bind("now", now)
                .bind("leaseEnd", now.plus(lease))
                .bind("max", max)
                .map((rs, ctx) -> new Job(rs.getLong("id"), Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                        new ConversationId(rs.getObject("conversation_id", UUID.class)), rs.getString("payload"),
                        rs.getInt("attempts")))
                .list()));
    }

    @Override
    public void complete(long jobId) {
        finish(jobId, "done", null, null);
    }

    @Override
    public void retry(long jobId, Instant runAt, String error) {
        finish(jobId, "pending", runAt, error);
    }

    @Override
    public void fail(long jobId, String error) {
        finish(jobId, "failed", null, error);
    }

    private void finish(long jobId, String status, Instant runAt, String error) {
        handles.with(handle -> handle.createUpdate("""
                        UPDATE jobs SET status = :status, run_at = COALESCE(:runAt, run_at), last_error = :error,
                            updated_at = now()
                        WHERE id = :id""")
                .bind("id", jobId)
                .bind("status", status)
                .bind("runAt", runAt)
                .bind("error", error)
                .execute());
    }
}
