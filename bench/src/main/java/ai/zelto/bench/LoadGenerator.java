package ai.zelto.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator, run as its own process so that it does not share a JVM with what it measures. Posts
 * {@link Payloads} to {@code url} for a number of seconds, either closed-loop (a fixed number of clients, each
 * sending its next upload once the previous one is answered) or open-loop at a fixed rate. In open loop a
 * latency is counted from when the upload was due, not when it could be sent, so a stalled server is not hidden
 * (no coordinated omission). Prints one line: {@code RESULT key=value ...}.
 *
 * <p>Arguments: {@code url key runId closed <clients> <seconds>} or {@code url key runId open <perSecond> <seconds>}.
 */
public final class LoadGenerator {
    private static final int MAX_IN_FLIGHT = 2_048;

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        String key = args[1];
        Payloads payloads = new Payloads(args[2], args[2].hashCode());
        boolean closed = args[3].equals("closed");
        int amount = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        AtomicLong failures = new AtomicLong();
        Latencies all = new Latencies();
        long started = System.nanoTime();
        long end = started + seconds * 1_000_000_000L;
        if (closed) {
            List<Thread> clients = new ArrayList<>();
            List<Latencies> perClient = new ArrayList<>();
            for (int c = 0; c < amount; c++) {
                Latencies mine = new Latencies();
                perClient.add(mine);
                clients.add(started(() -> {
                    while (System.nanoTime() < end) {
                        HttpRequest request = request(url, key, payloads.next());
                        long sent = System.nanoTime();
                        try {
                            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                            mine.add((System.nanoTime() - sent) / 1_000);
                            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                        } catch (Exception failed) {
                            failures.incrementAndGet();
                        }
                    }
                }));
            }
            for (Thread client : clients) {
                client.join();
            }
            perClient.forEach(all::addAll);
        } else {
            Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
            long interval = 1_000_000_000L / amount;
            List<Latencies> shards = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                shards.add(new Latencies());
            }
            long due = started;
            long n = 0;
            while (due < end) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                inFlight.acquire();
                long dueAt = due;
                Latencies shard = shards.get((int) (n++ % shards.size()));
                http.sendAsync(request(url, key, payloads.next()), HttpResponse.BodyHandlers.discarding())
                        .whenComplete((response, failure) -> {
                            long micros = (System.nanoTime() - dueAt) / 1_000;
                            synchronized (shard) {
                                shard.add(micros);
                            }
                            if (failure != null) {
                                failures.incrementAndGet();
                            } else {
                                statuses.computeIfAbsent(response.statusCode(), s -> new AtomicLong()).incrementAndGet();
                            }
                            inFlight.release();
                        });
                due += interval;
            }
            inFlight.acquire(MAX_IN_FLIGHT);
            shards.forEach(all::addAll);
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long acked = statuses.getOrDefault(200, new AtomicLong()).get();
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((status, count) -> byStatus.put(status, count.get()));
        System.out.printf(java.util.Locale.ROOT,
                "RESULT acked=%d failed=%d seconds=%.2f perSecond=%.1f p50=%.2f p99=%.2f max=%.2f statuses=%s%n",
                acked, failures.get(), elapsed, acked / elapsed, all.millis(50), all.millis(99), all.millis(100),
                byStatus.toString().replace(" ", ""));
    }

    private static HttpRequest request(URI url, String key, byte[] body) {
        return HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }
}
