package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What every answer the suite receives must look like, whatever the test was about: the security headers are
 * there, an error names no stack frame, SQL, driver or class of ours, and an answer from an endpoint the OpenAPI
 * document describes is one it documents ({@link ApiContract}). {@link TestServer} and
 * {@link ZeltoProcess} run every response through {@link #check}, so each test of the suite also proves this.
 */
final class ResponseHygiene {
    /** A Java stack frame ("at ai.zelto.X.y(X.java:12)"), an exception class, or "Caused by". */
    private static final Pattern STACK = Pattern.compile("\\bat [\\w$]+(\\.[\\w$<>]+)+\\(|\\w+(Exception|Error)\\b[:\\s]|Caused by");
    /** SQL a database error would quote, and the names of the libraries under the API. */
    private static final Pattern INTERNALS = Pattern.compile(
            "(?i)\\b(select\\s.+\\sfrom|insert\\s+into|update\\s+\\w+\\s+set|delete\\s+from|sqlstate|psql|postgresql"
                    + "|jdbc|jdbi|liquibase|jackson|jersey|jetty|hikari|ai\\.zelto|java\\.\\w+)\\b");

    private ResponseHygiene() {
    }

    static <T> HttpResponse<T> check(HttpResponse<T> response) {
        String where = response.request().method() + " " + response.uri().getPath() + " -> " + response.statusCode();
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(where).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).as(where).hasValue("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy")).as(where).isPresent();
        assertThat(response.headers().firstValue("Referrer-Policy")).as(where).hasValue("no-referrer");
        if (response.statusCode() >= 400 && !response.request().method().equals("HEAD")) {
            String body = response.body() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                    : String.valueOf(response.body());
            boolean health = response.uri().getPath().equals("/healthcheck");
            assertThat(body).as(where).startsWith(health ? "{" : "{\"error\"");
            assertThat(STACK.matcher(body).find()).as("%s names a stack frame or exception: %s", where, body).isFalse();
            assertThat(INTERNALS.matcher(body).find()).as("%s names SQL or internals: %s", where, body).isFalse();
        }
        ApiContract.check(response);
        return response;
    }
}
