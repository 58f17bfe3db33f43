package ai.zelto.adapters.http.common;

import java.time.Instant;

/** Formatting shared by the response records. */
public final class Json {
    private Json() {
    }

    /** ISO-8601 in UTC, or null. */
    public static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
