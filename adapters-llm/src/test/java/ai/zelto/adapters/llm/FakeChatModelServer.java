package ai.zelto.adapters.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 for tests, speaking the real wire format: a JSON
 * {@code chat.completion} for {@code "stream": false}, {@code data:} chunks of {@code chat.completion.chunk}
 * ending in {@code data: [DONE]} for {@code "stream": true}. It records every request it was sent, checks the
 * Bearer key when given one, and can be told to stall, fail, answer garbage, or hold its reply until released.
 */
public final class FakeChatModelServer implements AutoCloseable {
    /** What the next requests get. */
    public enum Mode { REPLY, STALL, STALL_MID_STREAM, FAIL_500, GARBAGE, HOLD }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.REPLY;
    private volatile String requiredKey;
    private volatile Function<JsonNode, String> replies = FakeChatModelServer::echo;
    private volatile CountDownLatch held = new CountDownLatch(1);
    private volatile CountDownLatch arrived = new CountDownLatch(1);
    private volatile long paceMillis;

    private FakeChatModelServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "fake-chat-model");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    public static FakeChatModelServer start() {
        try {
            return new FakeChatModelServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The base URL to configure, ending in {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public FakeChatModelServer mode(Mode next) {
        this.held = new CountDownLatch(1);
        this.arrived = new CountDownLatch(1);
        this.mode = next;
        return this;
    }

    /** Waits this long between two streamed pieces, as a model producing them does. */
    public FakeChatModelServer pace(java.time.Duration between) {
        this.paceMillis = between.toMillis();
        return this;
    }

    /** Requests without this Bearer key are answered 401. */
    public FakeChatModelServer requireKey(String key) {
        this.requiredKey = key;
        return this;
    }

    /** How replies are made from a request; the default echoes the last user message. */
    public FakeChatModelServer replies(Function<JsonNode, String> make) {
        this.replies = make;
        return this;
    }

    /** Lets every held reply go ({@link Mode#HOLD}). */
    public void release() {
        held.countDown();
    }

    /** Waits until a request has arrived in the current mode. */
    public boolean awaitRequest(long seconds) throws InterruptedException {
        return arrived.await(seconds, TimeUnit.SECONDS);
    }

    /** Every request's JSON body, in the order they came. */
    public List<JsonNode> requests() {
        return new ArrayList<>(requests);
    }

    public List<String> authorizations() {
        return new ArrayList<>(authorizations);
    }

    /** {@code "Echo: " + the last user message}. */
    public static String echo(JsonNode request) {
        JsonNode messages = request.path("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).path("role").asText())) {
                return "Echo: " + messages.get(i).path("content").asText();
            }
        }
        return "Hello.";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            requests.add(request);
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            Mode now = mode;
            arrived.countDown();
            if (requiredKey != null && !("Bearer " + requiredKey).equals(exchange.getRequestHeaders()
                    .getFirst("Authorization"))) {
                send(exchange, 401, "application/json", "{\"error\": {\"message\": \"Incorrect API key provided\","
                        + " \"type\": \"invalid_request_error\", \"code\": \"invalid_api_key\"}}");
                return;
            }
            switch (now) {
                case STALL -> sleep(60_000);
                case FAIL_500 -> send(exchange, 500, "application/json",
                        "{\"error\": {\"message\": \"The server had an error while processing your request.\"}}");
                case GARBAGE -> send(exchange, 200, request.path("stream").asBoolean() ? "text/event-stream"
                        : "application/json", "<html>Bad gateway</html>\n\n");
                default -> {
                    if (now == Mode.HOLD) {
                        held.await(60, TimeUnit.SECONDS);
                    }
                    String reply = replies.apply(request);
                    if (request.path("stream").asBoolean()) {
                        stream(exchange, reply, now == Mode.STALL_MID_STREAM, paceMillis);
                    } else {
                        send(exchange, 200, "application/json", completion(reply));
                    }
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private static String completion(String reply) {
        return JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion")
                .put("created", 1764720000).put("model", "fake-model")
                .set("choices", JSON.createArrayNode().add(JSON.createObjectNode().put("index", 0)
                        .put("finish_reason", "stop").set("message", JSON.createObjectNode()
                                .put("role", "assistant").put("content", reply)))).toString();
    }

    private static void stream(HttpExchange exchange, String reply, boolean stallMidway, long pace)
            throws IOException, InterruptedException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        event(out, chunk("{\"role\": \"assistant\", \"content\": \"\"}", null));
        String[] words = reply.split("(?<= )");
        for (int i = 0; i < words.length; i++) {
            if (i > 0 && pace > 0) {
                sleep(pace);
            }
            event(out, chunk(JSON.createObjectNode().put("content", words[i]).toString(), null));
            if (stallMidway && i == 0) {
                sleep(60_000);
            }
        }
        event(out, chunk("{}", "\"stop\""));
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String chunk(String delta, String finish) {
        return "{\"id\": \"chatcmpl-fake\", \"object\": \"chat.completion.chunk\", \"created\": 1764720000,"
                + " \"model\": \"fake-model\", \"choices\": [{\"index\": 0, \"delta\": " + delta
                + ", \"finish_reason\": " + (finish == null ? "null" : finish) + "}]}";
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    @Override
    public void close() {
        held.countDown();
        server.stop(0);
    }
}
