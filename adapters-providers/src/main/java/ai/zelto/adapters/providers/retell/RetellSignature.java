package ai.zelto.adapters.providers.retell;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Retell's webhook signature: {@code x-retell-signature: v=<epoch ms>,d=<hex HMAC-SHA256>} where the HMAC key
 * is the Retell API key and the message is the raw body immediately followed by the timestamp's digits. A
 * signature older or newer than five minutes is refused (research/providers.md §2.5).
 */
final class RetellSignature {
    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Pattern HEADER = Pattern.compile("v=(\\d{1,15}),d=([0-9a-fA-F]{64})");

    private RetellSignature() {
    }

    /** Why the signature does not verify, or null when it does. */
    static String problem(String header, byte[] body, String apiKey, Clock clock) {
        if (header == null) {
            return "x-retell-signature is missing";
        }
        Matcher matcher = HEADER.matcher(header.strip());
        if (!matcher.matches()) {
            return "x-retell-signature is not of the form v=<timestamp>,d=<hex digest>";
        }
        long timestamp = Long.parseLong(matcher.group(1));
        if (Math.abs(clock.millis() - timestamp) > WINDOW.toMillis()) {
            return "x-retell-signature is outside the five-minute window";
        }
        byte[] expected = digest(body, apiKey, matcher.group(1));
        byte[] presented = HexFormat.of().parseHex(matcher.group(2).toLowerCase(Locale.ROOT));
        return MessageDigest.isEqual(expected, presented) ? null : "x-retell-signature does not match the body";
    }

    /** The header value Retell would send for this body at this time (tests and tooling). */
    static String sign(byte[] body, String apiKey, long timestampMillis) {
        String timestamp = Long.toString(timestampMillis);
        return "v=" + timestamp + ",d=" + HexFormat.of().formatHex(digest(body, apiKey, timestamp));
    }

    private static byte[] digest(byte[] body, String apiKey, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(apiKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(body);
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException("HmacSHA256 is in every Java runtime", impossible);
        }
    }
}
