package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.adapters.persistence.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two copies of the jar on one database, uploads spread over both (calls re-posted through either): every
 * delivery is processed exactly once and no update to a shared call is lost; a key revoked through one copy is
 * refused by both within a second (a copy trusts a key it found valid for at most
 * {@code ApiKeyService.KEY_CACHE_TTL}, half a second).
 */
class TwoCopiesIT {
    private static final int UPLOADS = 1200;

    @TempDir
    Path work;

    @Test
    void twoCopiesOnOneDatabase_processEveryDeliveryOnce_inOrder() throws Exception {
        long seed = Long.getLong("zelto.seed", new Random().nextLong());
        try (TestDatabase database = TestDatabase.create()) {
            Map<String, String> first = CrashSafetyIT.environment(database, work.resolve("one"));
            Map<String, String> second = new HashMap<>(CrashSafetyIT.environment(database, work.resolve("two")));
            int[] ports = {Integer.parseInt(first.get("ZELTO_PORT")), Integer.parseInt(second.get("ZELTO_PORT"))};
            Map<String, String> acked = new ConcurrentHashMap<>();
            List<Integer> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
            HttpClient http = HttpClient.newHttpClient();
            try (ZeltoProcess one = ZeltoProcess.start(work, "one.log", first);
                 ZeltoProcess two = ZeltoProcess.start(work, "two.log", second)) {
                one.awaitStarted(ports[0]);
                two.awaitStarted(ports[1]);
                long started = System.nanoTime();
                AtomicInteger next = new AtomicInteger();
                ExecutorService clients = Executors.newFixedThreadPool(16);
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < 16; c++) {
                    running.add(clients.submit(() -> {
                        int n;
                        while ((n = next.getAndIncrement()) < UPLOADS) {
                            String body = CrashSafetyIT.body(seed, n);
                            HttpResponse<String> response = CrashSafetyIT.post(http, ports[n % 2], body);
                            if (response.statusCode() == 200) {
                                acked.put(response.headers().firstValue("X-Zelto-Delivery-Id").orElseThrow(), body);
                            } else {
                                unexpected.add(response.statusCode());
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> client : running) {
                    client.get();
                }
                clients.shutdown();
                long uploaded = System.nanoTime();
                CrashSafetyIT.awaitDrained(database);
                long drained = System.nanoTime();
                System.out.printf("two copies: %d uploads in %d ms, drained %d ms later; worker retries: %d and %d%n",
                        UPLOADS, (uploaded - started) / 1_000_000, (drained - uploaded) / 1_000_000,
                        one.output().split("could not run").length - 1, two.output().split("could not run").length - 1);
                assertThat(unexpected).isEmpty();
                assertThat(acked).hasSize(UPLOADS);
                assertThat(one.output()).contains("ai.zelto.access");
                assertThat(two.output()).contains("ai.zelto.access");
                revokingOnOneCopy_takesEffectOnBoth(http, ports);
            }
            CrashSafetyIT.verify(database, acked, seed);
        }
    }

    /** A key created on one copy works on both; revoked through the other, both refuse it within one second. */
    private static void revokingOnOneCopy_takesEffectOnBoth(HttpClient http, int[] ports) throws Exception {
        HttpResponse<String> created = ResponseHygiene.check(http.send(HttpRequest.newBuilder(uri(ports[0], "/v1/keys"))
                .header("Authorization", "Bearer " + TestServer.KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"short-lived\"}")).build(),
                HttpResponse.BodyHandlers.ofString()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode key = new ObjectMapper().readTree(created.body());
        String secret = key.get("key").asText();
        for (int port : ports) {
            assertThat(ZeltoProcess.get(port, secret, "/v1/credits").statusCode()).as("port %d", port).isEqualTo(200);
        }
        HttpResponse<String> revoked = ResponseHygiene.check(http.send(HttpRequest.newBuilder(uri(ports[1], "/v1/keys/"
                + key.get("id").asText())).header("Authorization", "Bearer " + TestServer.KEY).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()));
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);
        long revokedAt = System.nanoTime();
        for (int port : ports) {
            int status;
            do {
                status = ZeltoProcess.get(port, secret, "/v1/credits").statusCode();
            } while (status != 401 && System.nanoTime() - revokedAt < 1_000_000_000L);
            assertThat(status).as("copy on port %d, one second after the revocation", port).isEqualTo(401);
        }
        System.out.printf("revocation on one copy refused on both after %d ms%n", (System.nanoTime() - revokedAt) / 1_000_000);
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
