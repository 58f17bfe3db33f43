package ai.zelto.application.port.in.recording;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code Range} request header asks of a recording of a known size (RFC 9110 §14): the whole of it, one
 * part of it, or nothing it has. Shared by every adapter that plays recordings, so they answer a range alike.
 * Only single ranges are served: anything else (several ranges, another unit, a malformed value) is answered with
 * the whole recording, as the RFC allows. Numbers too large for a {@code long} saturate instead of failing: a
 * start beyond the end is unsatisfiable, an end beyond it is the end, a suffix longer than the recording is all
 * of it.
 */
public sealed interface ByteRange {
    /** Ranges an HTTP client may ask for: {@code bytes=first-last}, {@code bytes=first-} or {@code bytes=-suffix}. */
    Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /** Every byte: no range was asked for, or none this parser serves. */
    record Whole(long size) implements ByteRange {
    }

    /** Bytes {@code first} to {@code last}, both included, of {@code size}. */
    record Part(long first, long last, long size) implements ByteRange {
        public Part {
            if (first < 0 || last < first || last >= size) {
                throw new IllegalArgumentException("bytes " + first + "-" + last + " of " + size);
            }
        }

        public long length() {
            return last - first + 1;
        }
    }

    /** The recording has none of the bytes asked for. */
    record Unsatisfiable(long size) implements ByteRange {
    }

    /** @param header the {@code Range} header as sent, or null */
    static ByteRange of(String header, long size) {
        if (header == null || size <= 0) {
            return new Whole(size);
        }
        Matcher matcher = SINGLE.matcher(header.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches() || matcher.group(1).isEmpty() && matcher.group(2).isEmpty()) {
            return new Whole(size);
        }
        long first;
        long last = size - 1;
        if (matcher.group(1).isEmpty()) {
            first = Math.max(0, size - saturated(matcher.group(2)));
        } else {
            first = saturated(matcher.group(1));
            if (!matcher.group(2).isEmpty()) {
                last = Math.min(last, saturated(matcher.group(2)));
            }
        }
        if (first >= size || first > last) {
            return new Unsatisfiable(size);
        }
        return new Part(first, last, size);
    }

    /** The decimal digits as a number, or {@link Long#MAX_VALUE} when they name a larger one. */
    private static long saturated(String digits) {
        String significant = digits.replaceFirst("^0+(?=\\d)", "");
        return significant.length() > 18 && (significant.length() > 19
                || significant.compareTo(Long.toString(Long.MAX_VALUE)) > 0) ? Long.MAX_VALUE
                : Long.parseLong(significant);
    }
}
