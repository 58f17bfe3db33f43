package ai.zelto.application.spi.provider;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A delivery as it arrived: the body's bytes, unchanged, and the request headers. Header names are matched
 * without regard to case.
 */
public final class RawDelivery {
    private final byte[] body;
    private final Map<String, List<String>> headers;

    public RawDelivery(byte[] body, Map<String, List<String>> headers) {
        this.body = Objects.requireNonNull(body, "body").clone();
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        this.headers = copy;
    }

    /** A copy of the body's bytes. */
    public byte[] body() {
        return body.clone();
    }

    /** The body as a stream, without copying it. */
    public InputStream bodyStream() {
        return new ByteArrayInputStream(body);
    }

    public int bodyLength() {
        return body.length;
    }

    /** The first value of a header, if present. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** All headers, names in lowercase. */
    public Map<String, List<String>> headers() {
        return headers;
    }
}
