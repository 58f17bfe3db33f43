package ai.zelto.adapters.llm;

import ai.zelto.application.port.out.ChatModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code POST {baseUrl}/chat/completions} as OpenAI defines it and vLLM, llama.cpp's server and Ollama serve it:
 * {@code {"model", "messages", "stream"}}; a whole reply is {@code choices[0].message.content}, a streamed one is
 * server-sent events whose {@code data} is a chunk with {@code choices[0].delta.content}, ending with
 * {@code data: [DONE]}.
 *
 * <p>Written on the JDK's HTTP client rather than with OpenAI's Java SDK: the SDK brings Kotlin and its own
 * OkHttp and Jackson versions, which would clash with Dropwizard's, for one request and one response shape. The
 * event-stream framing (WHATWG HTML §9.2: {@code data:} lines joined by a newline, an event ended by a blank line,
 * lines starting with {@code :} ignored) is read here for the same reason; it is a dozen lines.
 *
 * <p>The body arrives line by line on the HTTP client's threads and is handed over through a queue, so that the
 * caller waits at most {@code silence} for each line and reads the reply on its own thread.
 */
public final class OpenAiChatModel implements ChatModel {
    /** The most text one answer may hold (a whole reply and its envelope, or all of a stream's lines). */
    static final int MAX_ANSWER_CHARS = 4 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;

    public OpenAiChatModel(Duration connectTimeout) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String reply(Endpoint endpoint, List<Message> messages, Duration silence, Consumer<String> pieces)
            throws Failure {
        boolean streamed = pieces != null;
        HttpRequest request = request(endpoint, messages, streamed);
        Lines lines = new Lines();
        CompletableFuture<HttpResponse<Void>> sent = http.sendAsync(request, info -> {
            lines.status = info.statusCode();
            lines.contentType = info.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            return HttpResponse.BodySubscribers.fromLineSubscriber(lines);
        });
        sent.whenComplete((response, failed) -> {
            if (failed != null) {
                lines.fail(failed);
            }
        });
        try {
            String first = lines.next(silence);
            if (lines.status / 100 != 2) {
                throw refusal(lines.status, first == null ? "" : first + "\n" + lines.rest(silence));
            }
            if (streamed && lines.contentType.startsWith("text/event-stream")) {
                return events(first, lines, silence, pieces);
            }
            String reply = whole(first == null ? "" : first + "\n" + lines.rest(silence));
            if (streamed) {
                pieces.accept(reply); // a server that ignored "stream": the reply comes in one piece
            }
            return reply;
        } finally {
            lines.cancel();
            sent.cancel(true);
        }
    }

    private static HttpRequest request(Endpoint endpoint, List<Message> messages, boolean streamed) throws Failure {
        ObjectNode body = JSON.createObjectNode().put("model", endpoint.model());
        ArrayNode sent = body.putArray("messages");
        messages.forEach(message -> sent.addObject().put("role", message.role()).put("content", message.content()));
        body.put("stream", streamed);
        HttpRequest.Builder builder;
        try {
            String base = endpoint.baseUrl().replaceAll("/+$", "");
            builder = HttpRequest.newBuilder(URI.create(base + "/chat/completions"));
        } catch (IllegalArgumentException wrong) {
            throw new Failure(Failure.Kind.UNREACHABLE, "the model's URL is not an http(s) URL", wrong);
        }
        builder.header("Content-Type", "application/json")
                .header("Accept", streamed ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (endpoint.apiKey() != null && !endpoint.apiKey().isBlank()) {
            builder.header("Authorization", "Bearer " + endpoint.apiKey().strip());
        }
        return builder.build();
    }

    /** A streamed reply: each event's delta to {@code pieces}, until {@code [DONE]}. */
    private static String events(String first, Lines lines, Duration silence, Consumer<String> pieces)
            throws Failure {
        StringBuilder reply = new StringBuilder();
        StringBuilder data = null;
        String line = first;
        while (true) {
            if (line == null) {
                throw new Failure(Failure.Kind.MALFORMED, "the model's stream ended before [DONE]", null);
            }
            if (line.isEmpty()) {
                if (data != null) {
                    String event = data.toString();
                    data = null;
                    if (event.strip().equals("[DONE]")) {
                        return reply.toString();
                    }
                    String piece = delta(event);
                    if (!piece.isEmpty()) {
                        reply.append(piece);
                        pieces.accept(piece);
                    }
                }
            } else if (line.startsWith("data:")) {
                String value = line.substring(line.startsWith("data: ") ? 6 : 5);
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            } // comments (":"), "event:", "id:" and "retry:" lines carry nothing here
            line = lines.next(silence);
        }
    }

    private static String delta(String event) throws Failure {
        JsonNode chunk = parse(event);
        failIfError(chunk);
        JsonNode choices = chunk.path("choices");
        if (!choices.isArray()) {
            throw new Failure(Failure.Kind.MALFORMED, "a chunk of the model's stream has no choices", null);
        }
        if (choices.isEmpty()) {
            return ""; // a usage-only chunk
        }
        JsonNode content = choices.get(0).path("delta").path("content");
        if (content.isMissingNode() || content.isNull()) {
            return ""; // the role, a finish reason, or a tool call: no text
        }
        if (!content.isTextual()) {
            throw new Failure(Failure.Kind.MALFORMED, "a chunk of the model's stream has content that is not text",
                    null);
        }
        return content.textValue();
    }

    private static String whole(String text) throws Failure {
        JsonNode answer = parse(text);
        failIfError(answer);
        JsonNode content = answer.path("choices").path(0).path("message").path("content");
        if (!content.isTextual()) {
            throw new Failure(Failure.Kind.MALFORMED, "the model's answer has no choices[0].message.content text",
                    null);
        }
        return content.textValue();
    }

    private static JsonNode parse(String text) throws Failure {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new Failure(Failure.Kind.MALFORMED, "the model answered something that is not a JSON object",
                        null);
            }
            return node;
        } catch (IOException wrong) {
            throw new Failure(Failure.Kind.MALFORMED, "the model answered something that is not JSON", wrong);
        }
    }

    private static void failIfError(JsonNode answer) throws Failure {
        if (answer.has("error")) {
            throw new Failure(Failure.Kind.FAILED, "the model reported an error: " + said(answer), null);
        }
    }

    private static Failure refusal(int status, String body) {
        String said;
        try {
            said = said(JSON.readTree(body));
        } catch (IOException | RuntimeException notJson) {
            said = "";
        }
        String suffix = said.isEmpty() ? "" : ": " + said;
        if (status == 401 || status == 403) {
            return new Failure(Failure.Kind.REFUSED, "the model server refused the API key (" + status + ")" + suffix,
                    null);
        }
        return new Failure(Failure.Kind.FAILED, "the model server answered " + status + suffix, null);
    }

    /** The server's own words: OpenAI's {@code error.message}, or an {@code error} string; cut to 300 chars. */
    private static String said(JsonNode answer) {
        if (answer == null) {
            return "";
        }
        JsonNode error = answer.path("error");
        String text = error.isTextual() ? error.textValue() : error.path("message").asText("");
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** The body's lines, handed from the HTTP client's threads to the caller's. */
    private static final class Lines implements Flow.Subscriber<String> {
        private static final Object END = new Object();
        private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        private volatile Flow.Subscription subscription;
        private volatile boolean cancelled;
        private long chars;
        volatile int status;
        volatile String contentType = "";

        @Override
        public void onSubscribe(Flow.Subscription given) {
            subscription = given;
            if (cancelled) {
                given.cancel();
            } else {
                given.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(String line) {
            chars += line.length() + 1;
            if (chars > MAX_ANSWER_CHARS) {
                cancel();
                queue.add(new Failure(Failure.Kind.MALFORMED, "the model's answer is longer than "
                        + MAX_ANSWER_CHARS + " characters", null));
                return;
            }
            queue.add(line);
        }

        @Override
        public void onError(Throwable failed) {
            fail(failed);
        }

        @Override
        public void onComplete() {
            queue.add(END);
        }

        void fail(Throwable failed) {
            Throwable cause = failed instanceof java.util.concurrent.CompletionException && failed.getCause() != null
                    ? failed.getCause() : failed;
            queue.add(cause instanceof HttpTimeoutException
                    ? new Failure(Failure.Kind.TIMEOUT, "the model server did not accept the connection in time",
                            cause)
                    : new Failure(Failure.Kind.UNREACHABLE, "the model server cannot be reached ("
                            + cause.getClass().getSimpleName() + ")", cause));
        }

        /** The next line, or null at the end of the body. */
        String next(Duration silence) throws Failure {
            Object item;
            try {
                item = queue.poll(silence.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                throw new Failure(Failure.Kind.UNREACHABLE, "interrupted while waiting for the model", stopping);
            }
            if (item == null) {
                throw new Failure(Failure.Kind.TIMEOUT, "the model said nothing for " + silence.toSeconds()
                        + " s", null);
            }
            if (item instanceof Failure failure) {
                throw failure;
            }
            return item == END ? null : (String) item;
        }

        /** Every line left, joined by newlines. */
        String rest(Duration silence) throws Failure {
            StringBuilder text = new StringBuilder();
            for (String line = next(silence); line != null; line = next(silence)) {
                text.append(line).append('\n');
            }
            return text.toString();
        }

        void cancel() {
            cancelled = true;
            Flow.Subscription given = subscription;
            if (given != null) {
                given.cancel();
            }
        }
    }
}
