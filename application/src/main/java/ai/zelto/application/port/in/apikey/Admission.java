package ai.zelto.application.port.in.apikey;

/** What {@link AdmitRequestUseCase} decided about one request. */
public sealed interface Admission {
    /** The key is valid and within its limit: the request acts for this key. */
    record Admitted(AuthenticatedKey key) implements Admission {
    }

    /** The key is unknown, malformed or revoked. */
    record Unauthorized() implements Admission {
    }

    /** The key is valid but has used up its rate; it may try again after this many seconds (at least one). */
    record Throttled(long retryAfterSeconds) implements Admission {
        public Throttled {
            if (retryAfterSeconds < 1) {
                throw new IllegalArgumentException("retry after at least a second");
            }
        }
    }
}
