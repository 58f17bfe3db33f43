package ai.zelto.adapters.web.page;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How figures read on the console. Times are rendered in UTC and rewritten to the reader's own zone by the page's
 * script (the server does not know it); costs are the providers' figures, which they report in US dollars.
 */
public final class Formats {
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("MMM d, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** {@code 1:35}, {@code 1:02:05}; empty when unknown. */
    public static String duration(BigDecimal seconds) {
        return seconds == null ? "" : clock(seconds.setScale(0, RoundingMode.HALF_UP).longValue());
    }

    /** An offset into a call, {@code 0:07}. */
    public static String offset(Double seconds) {
        return seconds == null ? "" : clock((long) Math.floor(seconds));
    }

    private static String clock(long total) {
        long hours = total / 3600;
        long minutes = total % 3600 / 60;
        long seconds = total % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, seconds)
                : String.format(Locale.ROOT, "%d:%02d", minutes, seconds);
    }

    /** {@code $0.12}, with more places for sums under a cent; empty when unknown. */
    public static String cost(BigDecimal cost) {
        if (cost == null) {
            return "";
        }
        int scale = cost.abs().compareTo(new BigDecimal("0.01")) < 0 && cost.signum() != 0 ? 4 : 2;
        return "$" + cost.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    public static String time(Instant at) {
        return at == null ? "" : READABLE.format(at);
    }

    public static String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    /** The provider's name as people write it. */
    public static String provider(String id) {
        return switch (id) {
            case "zelto" -> "API";
            case "livekit" -> "LiveKit";
            case "vapi" -> "Vapi";
            case "retell" -> "Retell";
            case "whatsapp" -> "WhatsApp";
            default -> id.isEmpty() ? id : Character.toUpperCase(id.charAt(0)) + id.substring(1);
        };
    }
}
