package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.adapters.persistence.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heap stays bounded under hostile input. The jar runs with a 512 MiB heap and
 * {@code -XX:+ExitOnOutOfMemoryError}, so running out would end it. Meanwhile, hostile clients send the largest
 * bodies the limits let through, again and again: ten MiB of numbers or of objects, a nine MiB system prompt,
 * ten thousand metadata keys, nesting 100,000 deep, an {@code externalId} of 100,000 characters, and a declared
 * length over the limit. An ordinary client keeps uploading all the while. The high-water mark comes from the GC
 * log: the heap in use just before each collection.
 */
class HeapBoundIT {
    private static final int HEAP_MIB = 512;
    private static final int HOSTILE_CLIENTS = 6;
    private static final int ROUNDS = 2;
    private static final Pattern COLLECTION = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    @TempDir
    Path work;

    /** A hostile body and the answers it may get: its own 4xx (or 200 when it is valid), or 503 when the memory
     * budget is spent for longer than a request waits. */
    private record Hostile(String name, byte[] body, Set<Integer> answers) {
    }

    @Test
    void hostileBodiesFromManyClients_neverExhaustTheHeap_andOrdinaryUploadsAreServed() throws Exception {
        List<Hostile> hostile = hostileBodies();
        Path gcLog = work.resolve("gc.log");
        try (TestDatabase database = TestDatabase.create()) {
            Map<String, String> env = ZeltoProcess.environmentFor(database, work.resolve("data"));
            int port = Integer.parseInt(env.get("ZELTO_PORT"));
            try (ZeltoProcess zelto = ZeltoProcess.start(work, "zelto.log", env, List.of("-Xmx" + HEAP_MIB + "m",
                    "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog))) {
                zelto.awaitStarted(port);
                HttpClient http = HttpClient.newHttpClient();
                List<String> wrongAnswers = Collections.synchronizedList(new ArrayList<>());
                Map<Integer, Integer> hostileAnswers = new java.util.concurrent.ConcurrentSkipListMap<>();
                List<Long> ordinaryMillis = Collections.synchronizedList(new ArrayList<>());
                AtomicBoolean hostileDone = new AtomicBoolean();
                ExecutorService clients = Executors.newFixedThreadPool(HOSTILE_CLIENTS + 1);
                long started = System.nanoTime();
                List<Future<?>> attackers = new ArrayList<>();
                for (int c = 0; c < HOSTILE_CLIENTS; c++) {
                    int client = c;
                    attackers.add(clients.submit(() -> {
                        for (int round = 0; round < ROUNDS; round++) {
                            for (int i = 0; i < hostile.size(); i++) {
                                Hostile attack = hostile.get((i + client) % hostile.size());
                                int status = attack.body() == null ? declareTooMuch(port)
                                        : post(http, port, attack.body()).statusCode();
                                hostileAnswers.merge(status, 1, Integer::sum);
                                if (!attack.answers().contains(status)) {
                                    wrongAnswers.add(attack.name() + " got " + status);
                                }
                            }
                        }
                        return null;
                    }));
                }
                Future<?> ordinary = clients.submit(() -> {
                    for (int n = 0; !hostileDone.get(); n++) {
                        long sent = System.nanoTime();
                        HttpResponse<String> answer = post(http, port,
                                CanonicalBodies.withTranscript("ordinary-" + n, "a").getBytes(StandardCharsets.UTF_8));
                        ordinaryMillis.add((System.nanoTime() - sent) / 1_000_000);
                        if (answer.statusCode() != 200) {
                            wrongAnswers.add("ordinary upload " + n + " got " + answer.statusCode() + " " + answer.body());
                        }
                    }
                    return null;
                });
                for (Future<?> attacker : attackers) {
                    attacker.get();
                }
                hostileDone.set(true);
                ordinary.get();
                clients.shutdown();
                long seconds = (System.nanoTime() - started) / 1_000_000_000;

                assertThat(zelto.isAlive()).as(zelto::output).isTrue();
                assertThat(wrongAnswers).isEmpty();
                long[] heap = heapMib(gcLog);
                List<Long> sorted = ordinaryMillis.stream().sorted().toList();
                System.out.printf("heap bound: %d hostile requests from %d clients (answers %s) and %d ordinary uploads"
                                + " in %d s; heap high-water %d MiB of %d MiB, most kept after a collection %d MiB;"
                                + " ordinary upload p50 %d ms, p99 %d ms, max %d ms%n",
                        HOSTILE_CLIENTS * ROUNDS * hostile.size(), HOSTILE_CLIENTS, hostileAnswers, sorted.size(),
                        seconds, heap[0], HEAP_MIB, heap[1], sorted.get(sorted.size() / 2),
                        sorted.get(sorted.size() * 99 / 100), sorted.get(sorted.size() - 1));
                assertThat(heap[0]).isPositive().isLessThan(HEAP_MIB);
                assertThat(sorted).hasSizeGreaterThan(10);
            }
        }
    }

    private static List<Hostile> hostileBodies() {
        int tenMib = 10 * 1024 * 1024;
        StringBuilder numbers = new StringBuilder(tenMib).append("[1");
        while (numbers.length() < tenMib - 3) {
            numbers.append(",1");
        }
        StringBuilder objects = new StringBuilder(tenMib).append("[{\"a\":1}");
        while (objects.length() < tenMib - 10) {
            objects.append(",{\"a\":1}");
        }
        StringBuilder keys = new StringBuilder("{\"call\": {\"externalId\": \"keys\"}, \"agent\": {\"externalId\": \"a\"},"
                + " \"transcript\": {\"turns\": [{\"role\": \"user\", \"text\": \"hi\"}]}, \"metadata\": {");
        for (int i = 0; i < 10_000; i++) {
            keys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": ").append(i);
        }
        return List.of(
                new Hostile("ten MiB of numbers", bytes(numbers.append("]")), Set.of(413, 503)),
                new Hostile("ten MiB of objects", bytes(objects.append("]")), Set.of(413, 503)),
                new Hostile("a nine MiB system prompt", bytes(new StringBuilder("{\"call\": {\"externalId\": \"prompt\"},"
                        + " \"agent\": {\"externalId\": \"a\"}, \"systemPrompt\": \"" + "p".repeat(9 * 1024 * 1024)
                        + "\", \"transcript\": {\"turns\": [{\"role\": \"user\", \"text\": \"hi\"}]}}")), Set.of(200, 503)),
                new Hostile("ten thousand metadata keys", bytes(keys.append("}}")), Set.of(200, 503)),
                new Hostile("nesting 100,000 deep", bytes(new StringBuilder("[".repeat(100_000) + "]".repeat(100_000))),
                        Set.of(400, 503)),
                new Hostile("an externalId of 100,000 characters", bytes(new StringBuilder("{\"call\": {\"externalId\": \""
                        + "x".repeat(100_000) + "\"}, \"agent\": {\"externalId\": \"a\"}}")), Set.of(400, 503)),
                new Hostile("a declared length over the limit", null, Set.of(413)));
    }

    private static byte[] bytes(StringBuilder text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> post(HttpClient http, int port, byte[] body) throws Exception {
        return ResponseHygiene.check(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/webhooks/calls")).header("Authorization", "Bearer " + TestServer.KEY)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Declares a body of 11 MiB and sends none of it: the answer must come without the body being read. */
    private static int declareTooMuch(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /webhooks/calls HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestServer.KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + 11 * 1024 * 1024 + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] statusLine = in.readNBytes("HTTP/1.1 413".length());
            return Integer.parseInt(new String(statusLine, StandardCharsets.US_ASCII).substring(9));
        }
    }

    /**
     * In MiB: the most heap in use before any collection of the run (the high-water mark), and the most still in
     * use after one (what was really held at once).
     */
    private static long[] heapMib(Path gcLog) throws IOException {
        long[] highest = new long[2];
        for (String line : Files.readAllLines(gcLog)) {
            Matcher collection = COLLECTION.matcher(line);
            if (collection.find()) {
                highest[0] = Math.max(highest[0], Long.parseLong(collection.group(1)));
                highest[1] = Math.max(highest[1], Long.parseLong(collection.group(2)));
            }
        }
        return highest;
    }
}
