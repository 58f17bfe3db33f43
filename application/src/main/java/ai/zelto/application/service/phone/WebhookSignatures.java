package ai.zelto.application.service.phone;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two signatures phone webhooks carry, computed with the JDK's {@link Mac}. Written here rather than taken
 * from the providers' SDKs: Meta publishes none for Java, and Twilio's ({@code com.twilio.sdk:twilio}, 5.5 MB and
 * some fifteen jars with a second HTTP stack) would be there for these few lines; the tests check both ways
 * against Twilio's own {@code RequestValidator} and the published vectors.
 */
public final class WebhookSignatures {
    private static final String META_PREFIX = "sha256=";

    private WebhookSignatures() {
    }

    /**
     * Meta's {@code X-Hub-Signature-256}: {@code sha256=} and the lowercase hex HMAC-SHA256 of the body's exact
     * bytes with the app secret.
     */
    public static String meta(byte[] body, String appSecret) {
        return META_PREFIX + HexFormat.of().formatHex(hmac("HmacSHA256", appSecret, body));
    }

    /** Whether a Meta signature header is right for these bytes; compared in constant time. */
    public static boolean metaValid(byte[] body, String appSecret, String header) {
        if (header == null || appSecret == null) {
            return false;
        }
        return MessageDigest.isEqual(meta(body, appSecret).getBytes(StandardCharsets.US_ASCII),
                header.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Twilio's {@code X-Twilio-Signature}: base64 of the HMAC-SHA1, keyed with the auth token, of the URL Twilio
     * requested followed by every form parameter's name and value, sorted by name (and a repeated name's values
     * sorted), with no separators.
     */
    public static String twilio(String url, Map<String, List<String>> params, String authToken) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, values) -> values.stream().sorted()
                .forEach(value -> signed.append(name).append(value)));
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", authToken,
                signed.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Whether a Twilio signature is right for the URL as given or with its port changed: Twilio drops the port of
     * an https URL before signing a voice webhook, yet other requests keep it, so (as Twilio's own validators do)
     * the URL with the default port removed and with it added are both accepted.
     */
    public static boolean twilioValid(String url, Map<String, List<String>> params, String authToken,
                                      String header) {
        if (header == null || authToken == null) {
            return false;
        }
        byte[] given = header.strip().getBytes(StandardCharsets.US_ASCII);
        for (String candidate : portVariants(url)) {
            if (MessageDigest.isEqual(twilio(candidate, params, authToken).getBytes(StandardCharsets.US_ASCII),
                    given)) {
                return true;
            }
        }
        return false;
    }

    /** The URL, and it with the scheme's default port removed or added. */
    static List<String> portVariants(String url) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(url);
        try {
            URI uri = new URI(url);
            int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443
                    : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1;
            if (defaultPort > 0 && uri.getHost() != null) {
                String rest = uri.getRawPath() == null ? "" : uri.getRawPath();
                if (uri.getRawQuery() != null) {
                    rest += "?" + uri.getRawQuery();
                }
                String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@";
                String base = uri.getScheme() + "://" + userInfo + uri.getHost();
                if (uri.getPort() == -1 || uri.getPort() == defaultPort) {
                    variants.add(base + rest);
                    variants.add(base + ":" + defaultPort + rest);
                }
            }
        } catch (URISyntaxException notAUri) {
            // only the URL as given
        }
        return new ArrayList<>(variants);
    }

    private static byte[] hmac(String algorithm, String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(algorithm + " is part of every JDK", impossible);
        }
    }
}
