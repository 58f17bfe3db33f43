package ai.zelto.adapters.persistence;

import ai.zelto.application.port.out.WebSessionRepository;
import ai.zelto.domain.organization.UserId;
import java.time.Instant;
import java.util.Optional;

final class JdbiWebSessionRepository implements WebSessionRepository {
    private final Handles handles;

    JdbiWebSessionRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void insert(StoredSession session) {
        handles.use(WebSessionDao.class, d -> d.insert(session.tokenHash(), session.userId().value(),
                session.csrfToken(), session.createdAt(), session.lastSeenAt()));
    }

    @Override
    public Optional<StoredSession> find(String tokenHash) {
        return handles.dao(WebSessionDao.class, d -> d.find(tokenHash));
    }

    @Override
    public void touch(String tokenHash, Instant lastSeenAt) {
        handles.use(WebSessionDao.class, d -> d.touch(tokenHash, lastSeenAt));
    }

    @Override
    public void delete(String tokenHash) {
        handles.use(WebSessionDao.class, d -> d.delete(tokenHash));
    }

    @Override
    public void deleteAllOf(UserId userId) {
        handles.use(WebSessionDao.class, d -> d.deleteAllOf(userId.value()));
    }

    @Override
    public int deleteExpired(Instant idleBefore, Instant createdBefore) {
        return handles.dao(WebSessionDao.class, d -> d.deleteExpired(idleBefore, createdBefore));
    }

    @Override
    public void recordLoginFailure(String email, String address, Instant at) {
        handles.use(WebSessionDao.class, d -> d.recordLoginFailure(email, address, at));
    }

    @Override
    public int loginFailuresForEmail(String email, Instant since) {
        return handles.dao(WebSessionDao.class, d -> d.failuresForEmail(email, since));
    }

    @Override
    public int loginFailuresFromAddress(String address, Instant since) {
        return handles.dao(WebSessionDao.class, d -> d.failuresFromAddress(address, since));
    }

    @Override
    public void pruneLoginFailures(Instant before) {
        handles.use(WebSessionDao.class, d -> d.pruneLoginFailures(before));
    }
}
