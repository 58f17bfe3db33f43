package ai.zelto.application.port.out;

import ai.zelto.domain.organization.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Console sessions and failed sign-ins, kept in the database so that every app copy sees the same. Sessions are
 * found by the hash of their cookie's token, never by the token.
 */
public interface WebSessionRepository {
    void insert(StoredSession session);

    Optional<StoredSession> find(String tokenHash);

    void touch(String tokenHash, Instant lastSeenAt);

    void delete(String tokenHash);

    void deleteAllOf(UserId userId);

    /** Deletes sessions idle since before {@code idleBefore} or created before {@code createdBefore}. */
    int deleteExpired(Instant idleBefore, Instant createdBefore);

    void recordLoginFailure(String email, String address, Instant at);

    int loginFailuresForEmail(String email, Instant since);

    int loginFailuresFromAddress(String address, Instant since);

    void pruneLoginFailures(Instant before);

    record StoredSession(String tokenHash, UserId userId, String csrfToken, Instant createdAt, Instant lastSeenAt) {
    }
}
