package ai.zelto.adapters.telephony;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

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
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "fake-meta");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(path, exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            if (!path.matches("/v[0-9]+\\.[0-9]+/[0-9]+/calls") || !exchange.getRequestMethod().equals("POST")) {
                send(exchange, 400, "{\"error\":{\"message\":\"Unknown path components: " + path + "\","
                        + "\"type\":\"OAuthException\",\"code\":2500}}");
                return;
            }
            if (failWith != 0) {
                send(exchange, failWith, "{\"error\":{\"message\":\"(#138000) Calling is not enabled\","
                        + "\"type\":\"OAuthException\",\"code\":138000,\"error_data\":{\"messaging_product\":"
                        + "\"whatsapp\",\"details\":\"Calling is not enabled for this phone number\"}}}");
                return;
            }
            send(exchange, 200, "{\"messaging_product\":\"whatsapp\",\"success\":true}");
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
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
