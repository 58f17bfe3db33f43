package ai.zelto.application.port.in.people;

import java.time.Duration;
import java.util.Optional;

/** Sessions after sign-in: found again from their cookie (while not expired), and ended. */
public interface WebSessionUseCase {
    /** A session ends after this long without a request. */
    Duration IDLE_EXPIRY = Duration.ofHours(12);
    /** A session ends this long after sign-in, however busy. */
    Duration ABSOLUTE_EXPIRY = Duration.ofDays(7);

    /** The live session with this token; empty when unknown, expired, or its person was removed. */
    Optional<SignedInSession> resume(String token);

    void signOut(String token);
}
