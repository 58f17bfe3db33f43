package ai.zelto.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * An OpenAI-compatible speech-to-text endpoint on 127.0.0.1: {@code POST /v1/audio/transcriptions}, multipart with
 * a {@code file} and a {@code model}, answering {@code verbose_json} with segments. Files that contain the bytes
 * {@code FAIL} get HTTP 500. It checks the request the way the real API would: bearer key, model, file part.
 */
final class SpeechToTextServer implements AutoCloseable {
    static final String API_KEY = "sk-test-transcriber";
    final List<String> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    SpeechToTextServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/audio/transcriptions", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String text = new String(body, StandardCharsets.ISO_8859_1);
            requests.add(text);
            int status;
            String answer;
            if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                status = 401;
                answer = "{\"error\": {\"message\": \"bad key\"}}";
            } else if (!exchange.getRequestHeaders().getFirst("Content-Type").startsWith("multipart/form-data")
                    || !text.contains("name=\"model\"\r\n\r\nwhisper-1") || !text.contains("name=\"file\"")
                    || !text.contains("name=\"response_format\"\r\n\r\nverbose_json")) {
                status = 400;
                answer = "{\"error\": {\"message\": \"bad request\"}}";
            } else if (text.contains("FAIL")) {
                status = 500;
                answer = "{\"error\": {\"message\": \"overloaded\"}}";
            } else {
                status = 200;
                answer = """
                        {"task": "transcribe", "language": "english", "duration": 3.0,
                         "text": "Hello, I need help. Sure, what is it?",
                         "segments": [{"id": 0, "start": 0.0, "end": 1.4, "text": " Hello, I need help."},
                                      {"id": 1, "start": 1.6, "end": 2.9, "text": " Sure, what is it?"}]}""";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
