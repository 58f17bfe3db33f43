package ai.zelto.adapters.http.common;

import ai.zelto.domain.shared.ValidationException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Parses query parameters, collecting one message per bad parameter; {@link #check()} throws if any. */
public final class QueryParams {
    private final Map<String, String> errors = new LinkedHashMap<>();

    public Integer integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        errors.put(name, "must be an integer from " + min + " to " + max);
        return defaultValue;
    }

    public Instant instant(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notIso) {
            errors.put(name, "must be an ISO-8601 date-time with an offset, e.g. 2024-05-01T12:00:00Z");
            return null;
        }
    }

    public <T> T parsed(String name, String value, Function<String, Optional<T>> parser, String expected) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        Optional<T> parsed = parser.apply(value);
        if (parsed.isEmpty()) {
            errors.put(name, "must be " + expected);
            return null;
        }
        return parsed.get();
    }

    /**
     * Reports each given parameter that is neither one of {@code known} nor starts with one of
     * {@code prefixes}: a misspelt filter must not silently return everything.
     */
    public void allowOnly(Map<String, List<String>> given, Set<String> known, String... prefixes) {
        for (String name : given.keySet()) {
            boolean prefixed = false;
            for (String prefix : prefixes) {
                prefixed |= name.startsWith(prefix) && name.length() > prefix.length();
            }
            if (!known.contains(name) && !prefixed) {
                errors.put(name, "is not a parameter of this endpoint; known: "
                        + String.join(", ", new TreeSet<>(known))
                        + (prefixes.length == 0 ? "" : ", " + String.join(", ", prefixes) + "<key>"));
            }
        }
    }

    /** Refuses a request carrying any query parameter but {@code known}, before anything else is read. */
    public static void only(Map<String, List<String>> given, String... known) {
        QueryParams params = new QueryParams();
        params.allowOnly(given, Set.of(known));
        params.check();
    }

    public void reject(String name, String message) {
        errors.put(name, message);
    }

    public static String text(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    public void check() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
