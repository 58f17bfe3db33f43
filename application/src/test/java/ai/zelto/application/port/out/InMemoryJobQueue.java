package ai.zelto.application.port.out;

import ai.zelto.domain.conversation.ConversationId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Durable jobs in memory: due in order of their time, leased while they run, retried or failed by the caller. */
public final class InMemoryJobQueue implements JobQueue, InMemoryStore.Part {
    /** A job and when it may run next; {@code failed} holds the reason it stopped for good. */
    public record Entry(Job job, Instant runAt, String lastError, boolean failed) {
    }

    private Map<Long, Entry> jobs = new LinkedHashMap<>();
    private long nextId = 1;

    public InMemoryJobQueue(InMemoryStore store) {
        store.register(this);
    }

    public List<Entry> entries() {
        return List.copyOf(jobs.values());
    }

    @Override
    public void enqueue(Kind kind, ConversationId conversationId, String payload, Instant runAt) {
        long id = nextId++;
        jobs.put(id, new Entry(new Job(id, kind, conversationId, payload, 0), runAt, null, false));
    }

    @Override
    public List<Job> claim(int max, Instant now, Duration lease) {
        List<Job> due = new ArrayList<>();
        jobs.values().stream().filter(e -> !e.failed() && !e.runAt().isAfter(now))
                .sorted((a, b) -> a.runAt().compareTo(b.runAt())).limit(max).forEach(e -> {
                    Job leased = new Job(e.job().id(), e.job().kind(), e.job().conversationId(), e.job().payload(),
                            e.job().attempts() + 1);
                    jobs.put(leased.id(), new Entry(leased, now.plus(lease), e.lastError(), false));
                    due.add(leased);
                });
        return due;
    }

    @Override
    public void complete(long jobId) {
        jobs.remove(jobId);
    }

    @Override
    public void retry(long jobId, Instant runAt, String error) {
        Entry entry = jobs.get(jobId);
        jobs.put(jobId, new Entry(entry.job(), runAt, error, false));
    }

    @Override
    public void fail(long jobId, String error) {
        Entry entry = jobs.get(jobId);
        jobs.put(jobId, new Entry(entry.job(), entry.runAt(), error, true));
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(jobs);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        jobs = new LinkedHashMap<>((Map<Long, Entry>) snapshot);
    }
}
