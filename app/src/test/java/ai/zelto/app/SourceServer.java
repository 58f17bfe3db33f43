package ai.zelto.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 standing in for a provider's recording storage: serves bytes, redirects and
 * errors, and counts requests.
 */
final class SourceServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();

    private record Route(int status, byte[] body, String location) {
    }

    SourceServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            Route route = routes.getOrDefault(exchange.getRequestURI().getPath(), new Route(404, new byte[0], null));
            if (route.location() != null) {
                exchange.getResponseHeaders().add("Location", route.location());
            }
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(route.status(), route.body().length == 0 ? -1 : route.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(route.body());
            }
        });
        server.start();
    }

    SourceServer serve(String path, byte[] body) {
        routes.put(path, new Route(200, body, null));
        return this;
    }

    SourceServer redirect(String path, String location) {
        routes.put(path, new Route(302, new byte[0], location));
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
