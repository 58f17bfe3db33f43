package ai.zelto.adapters.telephony;

import java.net.URLEncoder;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    /**
     * Sends a request and reads its body as text.
     *
     * @throws IOException when the server cannot be reached or the wait is interrupted (the thread keeps its
     *                     interrupt)
     */
    static HttpResponse<String> send(HttpClient client, HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", stopping);
        }
    }

    /** The base URL without trailing slashes. */
    static String base(String url) {
        return url.replaceAll("/+$", "");
    }
}
