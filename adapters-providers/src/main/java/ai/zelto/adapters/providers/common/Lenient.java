package ai.zelto.adapters.providers.common;

import ai.zelto.domain.shared.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reading native provider payloads the lenient way: providers add fields and change types without notice, and
 * a provider that does not retry would lose the call if Zelto refused it. So only structurally required fields
 * are checked; an optional field of an unexpected type or value counts as absent. JSON {@code null} is absent.
 */
public final class Lenient {
    private Lenient() {
    }

    /** The node at the path, or null when any step is missing, null, or not an object. */
    public static JsonNode at(JsonNode node, String... path) {
        JsonNode current = node;
        for (String step : path) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(step);
        }
        return current == null || current.isNull() || current.isMissingNode() ? null : current;
    }

    public static String text(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /** Larger than any duration, cost or epoch-millisecond time a provider sends; {@code 1e999} is not one. */
    private static final BigDecimal MAX_NUMBER = BigDecimal.valueOf(1_000_000_000_000_000L);

    /** A non-negative number no larger than 10^15 (epoch milliseconds fit), or null. */
    public static BigDecimal number(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        if (value == null || !value.isNumber()) {
            return null;
        }
        BigDecimal number = value.decimalValue();
        return number.signum() < 0 || number.compareTo(MAX_NUMBER) > 0 ? null : number;
    }

    /** An ISO-8601 date-time with an offset, or null. */
    public static Instant isoInstant(JsonNode node, String... path) {
        String text = text(node, path);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notIso) {
            return null;
        }
    }

    /** Epoch milliseconds (a number), or null. */
    public static Instant epochMillis(JsonNode node, String... path) {
        BigDecimal millis = number(node, path);
        if (millis == null || millis.compareTo(BigDecimal.valueOf(32_503_680_000_000L)) > 0) {
            return null;
        }
        return Instant.ofEpochMilli(millis.longValue());
    }

    /** An http(s) URL with a host, or null. */
    public static String url(JsonNode node, String... path) {
        String text = text(node, path);
        if (text == null || text.length() > 2048) {
            return null;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? text : null;
        } catch (URISyntaxException notUri) {
            return null;
        }
    }

    /** A string, or a number or boolean as its JSON text (ids and versions arrive as either), or null. */
    public static String scalar(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue().isEmpty() ? null : value.textValue();
        }
        return value.isNumber() || value.isBoolean() ? value.asText() : null;
    }

    /** Seconds as a double, or null. */
    public static Double seconds(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    /** The first of the values that is not null. */
    @SafeVarargs
    public static <T> T first(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** A stable short id derived from text: the first 12 hex digits of its SHA-256. */
    public static String stableId(String text) {
        return Sha256.hex(text).substring(0, 12);
    }

    /** Constant-time comparison of two secrets' UTF-8 bytes. */
    public static boolean sameSecret(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
