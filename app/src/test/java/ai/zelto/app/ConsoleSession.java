package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A person signed in to the console over plain HTTP, the way the sign-in form does it: cookies and CSRF token. */
final class ConsoleSession {
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newHttpClient();
    private final Function<String, URI> uri;
    private final String origin;
    private final String cookie;
    private final String csrf;

    private ConsoleSession(Function<String, URI> uri, String cookie, String csrf) {
        this.uri = uri;
        URI base = uri.apply("/");
        this.origin = base.getScheme() + "://" + base.getAuthority();
        this.cookie = cookie;
        this.csrf = csrf;
    }

    static ConsoleSession signIn(Function<String, URI> uri, String email, String password) {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> form = send(http, HttpRequest.newBuilder(uri.apply("/login")).build());
        String anonymous = cookie(form, "zelto_csrf");
        String token = token(form.body());
        URI base = uri.apply("/");
        HttpResponse<String> signedIn = send(http, HttpRequest.newBuilder(uri.apply("/login"))
                .header("Cookie", anonymous).header("Origin", base.getScheme() + "://" + base.getAuthority())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + token + "&email=" + encode(email) + "&password="
                        + encode(password))).build());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        String session = cookie(signedIn, "zelto_session");
        HttpResponse<String> page = send(http, HttpRequest.newBuilder(uri.apply("/conversations"))
                .header("Cookie", session).build());
        return new ConsoleSession(uri, session, token(page.body()));
    }

    HttpResponse<String> get(String path) {
        return send(http, HttpRequest.newBuilder(uri.apply(path)).header("Cookie", cookie).build());
    }

    HttpResponse<String> post(String path, String form) {
        return send(http, HttpRequest.newBuilder(uri.apply(path)).header("Cookie", cookie).header("Origin", origin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf + (form.isEmpty() ? "" : "&" + form)))
                .build());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String token(String page) {
        Matcher matcher = TOKEN.matcher(page);
        assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
        return matcher.group(1);
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie: " + response.headers()));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
