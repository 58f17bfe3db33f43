package ai.zelto.application.port.out;

import ai.zelto.domain.organization.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Console sessions and failed sign-ins in memory. */
public final class InMemoryWebSessions implements WebSessionRepository, InMemoryStore.Part {
    private record Failure(String email, String address, Instant at) {
    }

    private record State(Map<String, StoredSession> sessions, List<Failure> failures) {
    }

    private Map<String, StoredSession> sessions = new LinkedHashMap<>();
    private List<Failure> failures = new ArrayList<>();

    public InMemoryWebSessions(InMemoryStore store) {
        store.register(this);
    }

    @Override
    public void insert(StoredSession session) {
        sessions.put(session.tokenHash(), session);
    }

    @Override
    public Optional<StoredSession> find(String tokenHash) {
        return Optional.ofNullable(sessions.get(tokenHash));
    }

    @Override
    public void touch(String tokenHash, Instant lastSeenAt) {
        sessions.computeIfPresent(tokenHash, (hash, s) -> new StoredSession(hash, s.userId(), s.csrfToken(),
                s.createdAt(), lastSeenAt.isAfter(s.lastSeenAt()) ? lastSeenAt : s.lastSeenAt()));
    }

    @Override
    public void delete(String tokenHash) {
        sessions.remove(tokenHash);
    }

    @Override
    public void deleteAllOf(UserId userId) {
        sessions.values().removeIf(session -> session.userId().equals(userId));
    }

    @Override
    public int deleteExpired(Instant idleBefore, Instant createdBefore) {
        int before = sessions.size();
        sessions.values().removeIf(s -> s.lastSeenAt().isBefore(idleBefore) || s.createdAt().isBefore(createdBefore));
        return before - sessions.size();
    }

    @Override
    public void recordLoginFailure(String email, String address, Instant at) {
        failures.add(new Failure(email, address, at));
    }

    @Override
    public int loginFailuresForEmail(String email, Instant since) {
        return (int) failures.stream().filter(f -> f.email().equals(email) && !f.at().isBefore(since)).count();
    }

    @Override
    public int loginFailuresFromAddress(String address, Instant since) {
        return (int) failures.stream().filter(f -> f.address().equals(address) && !f.at().isBefore(since)).count();
    }

    @Override
    public void pruneLoginFailures(Instant before) {
        failures.removeIf(f -> f.at().isBefore(before));
    }

    @Override
    public Object snapshot() {
        return new State(new LinkedHashMap<>(sessions), new ArrayList<>(failures));
    }

    @Override
    public void restore(Object snapshot) {
        State state = (State) snapshot;
        sessions = new LinkedHashMap<>(state.sessions());
        failures = new ArrayList<>(state.failures());
    }
}
