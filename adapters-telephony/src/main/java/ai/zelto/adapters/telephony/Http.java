package ai.zelto.adapters.telephony;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What both clients share: one HTTP client that follows no redirects, and form encoding. */
final class Http {
    private Http() {
    }

    static HttpClient client(Duration timeout) {
        return HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** {@code application/x-www-form-urlencoded}, every value of every name, in order. */
    static String form(List<Map.Entry<String, String>> fields) {
        return fields.stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The base URL without trailing slashes. */
    static String base(String url) {
        return url.replaceAll("/+$", "");
    }
}
