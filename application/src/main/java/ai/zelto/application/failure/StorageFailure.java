package ai.zelto.application.failure;

import java.util.Optional;

/**
 * The storage behind a driven port failed for a reason that says nothing about the request or delivery at hand.
 * Adapters classify their technology's failures into these two kinds, in one place each, so that the core and
 * the driving adapters decide on a kind, never on a vendor's error code:
 * <ul>
 *   <li>{@link Unavailable}: the database does not answer, is shutting down or is out of resources; nothing was
 *       written, and the work should be retried later (an HTTP caller gets 503 with {@code Retry-After});</li>
 *   <li>{@link Conflict}: another transaction got in the way (a deadlock, a serialization failure); nothing is
 *       wrong, and the work can be retried at once.</li>
 * </ul>
 */
public abstract sealed class StorageFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private StorageFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** The storage failure among an exception and its causes, if any. */
    public static Optional<StorageFailure> in(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof StorageFailure failure) {
                return Optional.of(failure);
            }
        }
        return Optional.empty();
    }

    /** The database does not answer, is shutting down or is out of resources. */
    public static final class Unavailable extends StorageFailure {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Another transaction got in the way: a deadlock or a serialization failure. */
    public static final class Conflict extends StorageFailure {
        private static final long serialVersionUID = 1L;

        public Conflict(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
