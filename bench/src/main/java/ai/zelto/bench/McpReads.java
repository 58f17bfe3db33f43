package ai.zelto.bench;

import static ai.zelto.bench.Benchmark.format;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The MCP tools that read conversations, on the same organization as {@link ConsoleReads}: {@code tools/call} as a
 * JSON-RPC POST to {@code /mcp} with the API key, as a client does once initialized (the server is stateless, so
 * a call needs nothing before it). Each is asked 320 times, the first 20 discarded; p50 and p95 of the time to the
 * whole answer on localhost, an upper bound of the server's time.
 */
final class McpReads {
    private final int port;
    private final Map<String, String> report;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    McpReads(int port, Map<String, String> report) {
        this.port = port;
        this.report = report;
    }

    void run(UUID agent, String longCall) throws Exception {
        Map<String, String> calls = new LinkedHashMap<>();
        calls.put("search_conversations, newest 20", call("search_conversations", "{}"));
        calls.put("search_conversations, one agent, limit 100", call("search_conversations",
                "{\"agentId\": \"" + agent + "\", \"limit\": 100}"));
        calls.put("search_conversations, \"refund\", last 7 days", call("search_conversations",
                "{\"q\": \"refund\", \"lastDays\": 7}"));
        calls.put("search_conversations, rare word over all time (zanzibar)", call("search_conversations",
                "{\"q\": \"zanzibar\"}"));
        calls.put("search_conversations, common word over all time (hello)", call("search_conversations",
                "{\"q\": \"hello\"}"));
        calls.put("get_conversation, 200 turns", call("get_conversation",
                "{\"conversationId\": \"" + longCall + "\", \"maxTurns\": 200}"));
        for (Map.Entry<String, String> entry : calls.entrySet()) {
            Latencies latencies = new Latencies();
            for (int i = 0; i < 320; i++) {
                long sent = System.nanoTime();
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/mcp")).header("Authorization", "Bearer " + Benchmark.KEY)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString(entry.getValue())).build(),
                        HttpResponse.BodyHandlers.ofString());
                long micros = (System.nanoTime() - sent) / 1_000;
                if (answer.statusCode() != 200 || !answer.body().contains("\"isError\":false")
                        || answer.body().contains("\"conversations\":[]")) {
                    throw new IllegalStateException(entry.getKey() + ": " + answer.statusCode() + " "
                            + answer.body().substring(0, Math.min(300, answer.body().length())));
                }
                if (i >= 20) {
                    latencies.add(micros);
                }
            }
            report.put("  mcp " + entry.getKey() + ": p50 / p95 (ms)",
                    format(latencies.millis(50)) + " / " + format(latencies.millis(95)));
        }
    }

    private static String call(String tool, String arguments) {
        return "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/call\", \"params\": {\"name\": \"" + tool
                + "\", \"arguments\": " + arguments + "}}";
    }
}
