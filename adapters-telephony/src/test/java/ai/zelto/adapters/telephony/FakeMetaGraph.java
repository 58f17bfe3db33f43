package ai.zelto.adapters.telephony;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Meta's Graph API calls endpoint for tests, on 127.0.0.1: {@code POST /v{version}/{phone-number-id}/calls} with a
 * Bearer token and a JSON body → {@code {"messaging_product":"whatsapp","success":true}}, or Meta's error shape
 * when told to fail. Every request is recorded.
 */
public final class FakeMetaGraph implements AutoCloseable {
    /** One request: its path, bearer token and JSON body. */
    public record Request(String path, String authorization, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int failWith;

    public FakeMetaGraph() throws IOException {
        server = LocalServers.start("fake-meta", "/", this::handle);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(path, exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            if (!path.matches("/v[0-9]+\\.[0-9]+/[0-9]+/calls") || !exchange.getRequestMethod().equals("POST")) {
                LocalServers.sendJson(exchange, 400, "{\"error\":{\"message\":\"Unknown path components: " + path + "\","
                        + "\"type\":\"OAuthException\",\"code\":2500}}");
                return;
            }
            if (failWith != 0) {
                LocalServers.sendJson(exchange, failWith, "{\"error\":{\"message\":\"(#138000) Calling is not enabled\","
                        + "\"type\":\"OAuthException\",\"code\":138000,\"error_data\":{\"messaging_product\":"
                        + "\"whatsapp\",\"details\":\"Calling is not enabled for this phone number\"}}}");
                return;
            }
            LocalServers.sendJson(exchange, 200, "{\"messaging_product\":\"whatsapp\",\"success\":true}");
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public void failWith(int status) {
        this.failWith = status;
    }

    public void clear() {
        requests.clear();
        failWith = 0;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
