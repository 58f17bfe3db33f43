package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.adapters.persistence.TestDatabase;
import ai.zelto.domain.conversation.Conversation;
import ai.zelto.domain.credit.Pricing;
import ai.zelto.domain.organization.OrganizationId;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
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
 * Crash safety: the real jar against PostgreSQL, 2,000 uploads from 32 concurrent clients (new calls and
 * re-posts mixed), killed with SIGKILL at three moments — early in the load, in the thick of it, and right
 * after the last acknowledgement while the backlog is processed — then restarted and drained. Every
 * acknowledged upload is stored and processed, each call equals its stored deliveries applied in receive order,
 * and each conversation has exactly one charge: nothing lost, nothing half-applied.
 */
class CrashSafetyIT {
    private static final int UPLOADS = 2000;
    private static final int CLIENTS = 32;

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void killedThreeTimes_nothingAcknowledgedIsLost_andEveryCallIsAppliedOnceInOrder() throws Exception {
        long seed = Long.getLong("zelto.seed", new Random().nextLong());
        Map<String, String> acked = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        List<Integer> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        try (TestDatabase database = TestDatabase.create()) {
            Map<String, String> env = environment(database, work);
            int port = Integer.parseInt(env.get("ZELTO_PORT"));
            int[] killAfterAcks = {300, 1100, UPLOADS};
            for (int round = 0; round < killAfterAcks.length; round++) {
                ZeltoProcess server = ZeltoProcess.start(work, "round-" + round + ".log", env);
                server.awaitStarted(port);
                int killAt = killAfterAcks[round];
                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    running.add(clients.submit(() -> {
                        int n;
                        while ((n = next.getAndIncrement()) < UPLOADS) {
                            String body = body(seed, n);
                            try {
                                HttpResponse<String> response = post(http, port, body);
                                if (response.statusCode() == 200) {
                                    acked.put(response.headers().firstValue("X-Zelto-Delivery-Id").orElseThrow(), body);
                                } else {
                                    unexpected.add(response.statusCode());
                                }
                            } catch (IOException killed) {
                                return null;
                            }
                        }
                        return null;
                    }));
                }
                while (acked.size() < killAt && running.stream().anyMatch(f -> !f.isDone())) {
                    Thread.sleep(5);
                }
                server.kill();
                for (Future<?> client : running) {
                    client.get();
                }
                clients.shutdown();
                if (next.get() >= UPLOADS && round < killAfterAcks.length - 1) {
                    next.set(UPLOADS);
                }
            }
            try (ZeltoProcess server = ZeltoProcess.start(work, "drain.log", env)) {
                server.awaitStarted(port);
                awaitDrained(database);
            }
            System.out.printf("crash safety (seed %d): %d uploads acknowledged of %d sent, 3 SIGKILLs%n", seed,
                    acked.size(), Math.min(next.get(), UPLOADS));
            assertThat(unexpected).as("answers other than 200 while the server ran").isEmpty();
            verify(database, acked, seed);
        }
    }

    /**
     * Checks the database against what was acknowledged: every acknowledged delivery stored and processed (or
     * skipped), each call equal to its stored deliveries applied in receive order, one charge per conversation.
     */
    static void verify(TestDatabase database, Map<String, String> acked, long seed) throws Exception {
        Map<String, String> statusOf = new HashMap<>();
        SequentialModel model = new SequentialModel();
        OrganizationId org;
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            ResultSet orgs = s.executeQuery("SELECT id FROM organizations");
            orgs.next();
            org = new OrganizationId(orgs.getObject(1, java.util.UUID.class));
            ResultSet rows = s.executeQuery("SELECT id, status, body FROM deliveries ORDER BY txid, seq");
            while (rows.next()) {
                statusOf.put(rows.getString("id"), rows.getString("status"));
                model.apply(rows.getBytes("body"));
            }
        }
        String context = "seed " + seed + " (replay with -Dzelto.seed=" + seed + ")";
        assertThat(statusOf.keySet()).as(context + ": every acknowledged upload is stored").containsAll(acked.keySet());
        assertThat(statusOf.values()).as(context + ": all processed (or skipped: unconnected dials)")
                .containsOnly("processed", "skipped");

        try (JdbiHarness harness = new JdbiHarness(database);
             Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            Map<String, SequentialModel.Snapshot> stored = new HashMap<>();
            Map<String, SequentialModel.Snapshot> wanted = new HashMap<>();
            for (Map.Entry<String, Conversation> expected : model.conversations().entrySet()) {
                Conversation actual = harness.core().base.ports.conversations().findByExternalId(org, expected.getKey())
                        .orElseThrow(() -> new AssertionError(context + ": no conversation " + expected.getKey()));
                ResultSet agent = s.executeQuery("SELECT external_id FROM agents WHERE id = '" + actual.agentId() + "'");
                agent.next();
                stored.put(expected.getKey(), SequentialModel.Snapshot.of(actual, agent.getString(1)));
                wanted.put(expected.getKey(), model.snapshot(expected.getKey()));
            }
            Map<String, String> differences = new java.util.TreeMap<>();
            wanted.forEach((id, expected) -> {
                if (!expected.equals(stored.get(id))) {
                    differences.put(id, "expected " + expected + "\n but was " + stored.get(id));
                }
            });
            for (String id : differences.keySet()) {
                ResultSet history = s.executeQuery("SELECT txid::text, seq, status, processed_at, body::text LIKE '%' AS x,"
                        + " convert_from(body, 'UTF8')::jsonb -> 'metadata' ->> 'upload' AS upload FROM deliveries"
                        + " WHERE external_id = '" + id + "' ORDER BY txid, seq");
                StringBuilder lines = new StringBuilder();
                while (history.next()) {
                    lines.append("\n  txid ").append(history.getString(1)).append(" seq ").append(history.getLong(2))
                            .append(' ').append(history.getString(3)).append(" at ").append(history.getString(4))
                            .append(" upload ").append(history.getString(6));
                }
                differences.put(id, differences.get(id) + "\n deliveries in receive order:" + lines);
            }
            assertThat(differences).as(context + ": calls whose state is not their deliveries applied in order")
                    .isEmpty();
            ResultSet count = s.executeQuery("SELECT count(*) FROM conversations");
            count.next();
            assertThat(count.getLong(1)).isEqualTo(model.conversations().size());
            ResultSet charges = s.executeQuery("SELECT cv.external_id, count(l.id), sum(l.amount) FROM conversations cv"
                    + " LEFT JOIN credit_ledger l ON l.conversation_id = cv.id AND l.kind = 'charge' GROUP BY cv.external_id");
            Pricing pricing = new Pricing(1);
            while (charges.next()) {
                assertThat(charges.getLong(2)).as(context + ": charges of " + charges.getString(1)).isEqualTo(1);
                assertThat(charges.getLong(3)).isEqualTo(pricing.chargeFor(model.conversations()
                        .get(charges.getString(1))).amount());
            }
            System.out.printf("crash safety: %d deliveries stored, %d conversations, one charge each%n",
                    statusOf.size(), model.conversations().size());
        }
    }

    static void awaitDrained(TestDatabase database) throws Exception {
        for (int i = 0; i < 600; i++) {
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM deliveries WHERE status = 'pending'")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the backlog did not drain");
    }

    /** Upload n: a new call, or (two in five) a re-post that changes an earlier call. Deterministic per seed. */
    static String body(long seed, int n) {
        Random random = new Random(seed * 31 + n);
        int call = n < 20 || random.nextInt(5) >= 2 ? n : random.nextInt(n);
        ObjectNode root = TestServer.JSON.createObjectNode();
        ObjectNode callNode = root.putObject("call").put("externalId", "crash-" + call);
        int agent = call % 3;
        root.putObject("agent").put("externalId", "agent-" + agent).put("name", "Agent " + agent);
        callNode.put("durationSeconds", random.nextInt(600));
        if (random.nextBoolean()) {
            callNode.put("endedReason", random.nextBoolean() ? "hangup" : "transfer");
        }
        if (random.nextInt(3) > 0) {
            ArrayNode turns = root.putObject("transcript").putArray("turns");
            for (int t = 0; t < 1 + random.nextInt(6); t++) {
                turns.addObject().put("role", t % 2 == 0 ? "user" : "assistant").put("text", "upload " + n + " turn " + t);
            }
        }
        root.putObject("metadata").put("upload", n);
        return root.toString();
    }

    static HttpResponse<String> post(HttpClient http, int port, String body) throws IOException {
        try {
            return ResponseHygiene.check(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/calls"))
                    .header("Authorization", "Bearer " + TestServer.KEY).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body,
                            StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static Map<String, String> environment(TestDatabase database, Path work) throws IOException {
        return ZeltoProcess.environmentFor(database, work.resolve("data"));
    }
}
