package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.adapters.persistence.TestDatabase;
import ai.zelto.app.config.ZeltoConfiguration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.Application;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The real Zelto server, started in this JVM on a fresh test database (see {@link TestDatabase}), with an
 * HTTP client that speaks to it like any user would.
 */
final class TestServer implements AutoCloseable {
    static final String KEY = "zk_test_bootstrap_key_0123456789abcdefghijklmnop";
    /** Base64 of 32 bytes: tests never write a key file into the working directory. */
    static final String SECRETS_KEY = "dGVzdC1vbmx5LXNlY3JldHMta2V5LTMyLWJ5dGVzISE=";
    static final ObjectMapper JSON = new ObjectMapper();

    final TestDatabase database;
    private final DropwizardTestSupport<ZeltoConfiguration> support;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(TestDatabase database, Map<String, String> extraEnvironment) {
        this.database = database;
        Map<String, String> variables = new HashMap<>();
        variables.put("ZELTO_DATABASE_URL", database.jdbcUrl());
        variables.put("ZELTO_DATABASE_USER", database.user());
        if (database.password() != null) {
            variables.put("ZELTO_DATABASE_PASSWORD", database.password());
        }
        variables.put("ZELTO_PORT", "0");
        variables.put("ZELTO_ADMIN_PORT", "0");
        variables.put("ZELTO_BOOTSTRAP_API_KEY", KEY);
        variables.put("ZELTO_WORKER_IDLE_POLL_MILLIS", "20");
        variables.put("ZELTO_SECRETS_KEY", SECRETS_KEY);
        variables.putAll(extraEnvironment);
        this.support = new DropwizardTestSupport<>(ZeltoApplication.class, (String) null) {
            @Override
            public Application<ZeltoConfiguration> newApplication() {
                return new ZeltoApplication(variables);
            }
        };
    }

    static TestServer start() {
        return start(Map.of());
    }

    static TestServer start(Map<String, String> environment) {
        return start(TestDatabase.create(), environment);
    }

    /** On a given database (closed with the server); the environment may override even its URL. */
    static TestServer start(TestDatabase database, Map<String, String> environment) {
        TestServer server = new TestServer(database, environment);
        try {
            server.support.before();
        } catch (Exception e) {
            server.database.close();
            throw new IllegalStateException("the server did not start", e);
        }
        return server;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + support.getLocalPort() + path);
    }

    /** The API's Jersey configuration, for tests about the routes themselves. */
    org.glassfish.jersey.server.ResourceConfig apiResources() {
        return support.getEnvironment().jersey().getResourceConfig();
    }

    URI adminUri(String path) {
        return URI.create("http://localhost:" + support.getAdminPort() + path);
    }

    HttpResponse<String> post(String path, String key, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (headers.length == 0) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    HttpResponse<String> upload(String body, String... headers) {
        return post("/webhooks/calls", KEY, body, headers);
    }

    HttpResponse<String> get(String path, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request.build());
    }

    /** GETs with the bootstrap key and expects a 200 with a JSON body. */
    JsonNode getJson(String path) {
        HttpResponse<String> response = get(path, KEY);
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        return json(response);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return ResponseHygiene.check(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> sendBytes(HttpRequest request) {
        try {
            return ResponseHygiene.check(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    /** Uploads and waits until the delivery leaves {@code pending}; returns the delivery as the API shows it. */
    JsonNode uploadAndProcess(String body, String... headers) {
        HttpResponse<String> response = upload(body, headers);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String deliveryId = response.headers().firstValue("X-Zelto-Delivery-Id").orElseThrow();
        return awaitProcessed(deliveryId);
    }

    JsonNode awaitProcessed(String deliveryId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JsonNode delivery = getJson("/v1/deliveries/" + deliveryId);
            if (!delivery.get("status").asText().equals("pending")) {
                return delivery;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("delivery " + deliveryId + " still pending");
            }
            sleep(20);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            support.after();
        } finally {
            database.close();
        }
    }
}
