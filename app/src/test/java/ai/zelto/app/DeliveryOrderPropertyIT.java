package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.adapters.persistence.TestDatabase;
import ai.zelto.app.wiring.ZeltoCore;
import ai.zelto.application.port.in.ingest.AcceptDeliveryCommand;
import ai.zelto.application.port.in.ingest.AcceptDeliveryResult;
import ai.zelto.application.spi.provider.RawDelivery;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.conversation.Conversation;
import ai.zelto.domain.credit.Pricing;
import ai.zelto.domain.organization.OrganizationId;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Property: for random sequences of deliveries over a few calls (fields randomly present or absent, duplicates,
 * unconnected dials), accepted one after another while 1..4 workers with random batch sizes process
 * concurrently, the stored conversations equal the sequential in-order application of the domain's merge rule;
 * exactly the calls that ever had content have one conversation; each conversation has exactly one charge, of
 * the amount its final state costs. Some deliveries name an agent id that is not in the organization: each of
 * those, and only those, ends failed, and the deliveries batched with it are applied as if it had not been sent
 * (a batch with a failing delivery is rerun delivery by delivery).
 *
 * <p>Seeded: the seed of a failing case is in the assertion message; replay it with {@code -Dzelto.seed=N}.
 */
class DeliveryOrderPropertyIT {
    private static final int CASES = Integer.getInteger("zelto.cases", 24);
    private static final Pricing PRICING = new Pricing(1);
    private static TestDatabase database;

    @BeforeAll
    static void setUp() {
        database = TestDatabase.create();
    }

    @AfterAll
    static void tearDown() {
        database.close();
    }

    @Test
    void concurrentProcessing_equalsSequentialInOrderApplication() throws Exception {
        Long fixed = Long.getLong("zelto.seed");
        long base = fixed != null ? fixed : new Random().nextLong();
        int cases = fixed != null ? 1 : CASES;
        for (int i = 0; i < cases; i++) {
            long seed = base + i;
            runCase(seed);
        }
    }

    private void runCase(long seed) throws Exception {
        Random random = new Random(seed);
        int workers = 1 + random.nextInt(4);
        int batchSize = 1 + random.nextInt(6);
        JdbiHarness harness = new JdbiHarness(database, Map.of("ZELTO_WORKER_BATCH_SIZE",
                Integer.toString(batchSize)));
        ZeltoCore core = harness.core();
        OrganizationId org = core.access.organizations.create(
                new ai.zelto.application.port.in.organization.CreateOrganizationCommand("case " + seed, null, "test"))
                .organizationId();
        String prefix = "s" + seed + "-";
        List<String> bodies = new ArrayList<>();
        List<Boolean> poisoned = new ArrayList<>();
        int deliveries = 10 + random.nextInt(30);
        int calls = 1 + random.nextInt(4);
        for (int i = 0; i < deliveries; i++) {
            String externalId = prefix + "call-" + random.nextInt(calls);
            boolean poison = random.nextInt(8) == 0;
            poisoned.add(poison);
            bodies.add(poison ? poisonBody(random, externalId) : randomBody(random, externalId));
        }

        AtomicBoolean accepting = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            running.add(pool.submit(() -> {
                while (accepting.get() || core.base.ports.deliveries().pendingCount() > 0) {
                    try {
                        if (core.ingest.processing.processBatch() == 0) {
                            Thread.onSpinWait();
                        }
                    } catch (RuntimeException transientFailure) {
                        // as WorkerLoop does: a batch that failed as a whole (a deadlock between workers creating
                        // the same agents) rolled back and is retried
                        Thread.sleep(10);
                    }
                }
                return null;
            }));
        }
        List<String> poisonIds = new ArrayList<>();
        try {
            for (int i = 0; i < bodies.size(); i++) {
                String body = bodies.get(i);
                AcceptDeliveryResult result = core.ingest.accept.accept(AcceptDeliveryCommand.withApiKey(org, null,
                        new RawDelivery(body.getBytes(StandardCharsets.UTF_8), Map.of())));
                assertThat(result).as("seed %d: %s", seed, body).isInstanceOf(AcceptDeliveryResult.Stored.class);
                if (poisoned.get(i)) {
                    poisonIds.add(((AcceptDeliveryResult.Stored) result).deliveryId().toString());
                }
            }
        } finally {
            accepting.set(false);
        }
        for (Future<?> worker : running) {
            worker.get();
        }
        pool.shutdown();

        SequentialModel model = new SequentialModel();
        for (int i = 0; i < bodies.size(); i++) {
            if (!poisoned.get(i)) {
                model.apply(bodies.get(i).getBytes(StandardCharsets.UTF_8));
            }
        }
        Map<String, Conversation> expected = model.conversations();
        Map<String, SequentialModel.Snapshot> stored = new HashMap<>();
        for (String externalId : expected.keySet()) {
            core.base.ports.conversations().findByExternalId(org, externalId)
                    .ifPresent(c -> stored.put(externalId, SequentialModel.Snapshot.of(c, agentExternalId(c.agentId()))));
        }
        Map<String, SequentialModel.Snapshot> wanted = new HashMap<>();
        expected.keySet().forEach(id -> wanted.put(id, model.snapshot(id)));
        String context = "seed " + seed + " (" + workers + " workers, batch " + batchSize
                + ", replay with -Dzelto.seed=" + seed + ")";
        assertThat(stored).as(context).isEqualTo(wanted);
        assertCharges(org, expected, context);
        assertThat(failedDeliveries(org)).as(context + ": the failed deliveries").containsExactlyInAnyOrderElementsOf(poisonIds);
    }

    private List<String> failedDeliveries(OrganizationId org) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM deliveries WHERE organization_id = '" + org
                     + "' AND status = 'failed'")) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        }
    }

    /** A delivery that fails when processed: its agent id is in no organization. */
    private static String poisonBody(Random random, String externalId) {
        ObjectNode root = TestServer.JSON.createObjectNode();
        root.putObject("call").put("externalId", externalId).put("recordingUrl", "https://rec.example.com/p.wav");
        root.put("agentId", new java.util.UUID(random.nextLong(), random.nextLong()).toString());
        root.putObject("transcript").putArray("turns").addObject().put("role", "user").put("text", "poison");
        return root.toString();
    }



    private String agentExternalId(AgentId id) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT external_id FROM agents WHERE id = '" + id + "'")) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertCharges(OrganizationId org, Map<String, Conversation> expected, String context)
            throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT cv.external_id, count(l.id), sum(l.amount) FROM conversations cv"
                     + " LEFT JOIN credit_ledger l ON l.conversation_id = cv.id AND l.kind = 'charge'"
                     + " WHERE cv.organization_id = '" + org + "' GROUP BY cv.external_id")) {
            Map<String, Long> charges = new HashMap<>();
            while (rs.next()) {
                assertThat(rs.getLong(2)).as(context + ": charges of " + rs.getString(1)).isEqualTo(1);
                charges.put(rs.getString(1), rs.getLong(3));
            }
            Map<String, Long> wanted = new HashMap<>();
            expected.forEach((id, conversation) -> wanted.put(id, PRICING.chargeFor(conversation).amount()));
            assertThat(charges).as(context).isEqualTo(wanted);
        }
    }



    private static String randomBody(Random random, String externalId) {
        ObjectNode root = TestServer.JSON.createObjectNode();
        ObjectNode call = root.putObject("call");
        call.put("externalId", externalId);
        String agent = "agent-" + random.nextInt(2);
        root.putObject("agent").put("externalId", agent).put("name", "Name of " + agent);
        if (random.nextInt(3) == 0) {
            call.put("startedAt", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(100_000)).toString());
        }
        if (random.nextInt(3) == 0) {
            call.put("durationSeconds", random.nextInt(400));
        }
        if (random.nextInt(4) == 0) {
            call.put("endedReason", random.nextBoolean() ? "hangup" : "no-answer");
        }
        if (random.nextInt(4) == 0) {
            call.put("cost", new BigDecimal(random.nextInt(500)).movePointLeft(2));
        }
        if (random.nextInt(4) == 0) {
            call.put("recordingUrl", "https://rec.example.com/" + random.nextInt(5) + ".wav");
        }
        if (random.nextInt(4) == 0) {
            ObjectNode customer = call.putObject("customer");
            if (random.nextBoolean()) {
                customer.put("number", "+1555" + random.nextInt(1000));
            }
            if (random.nextBoolean()) {
                customer.put("name", "Customer " + random.nextInt(9));
            }
        }
        if (random.nextInt(4) == 0) {
            root.put("version", "v" + random.nextInt(3));
        }
        if (random.nextInt(5) == 0) {
            root.put("systemPrompt", "prompt " + random.nextInt(3));
        }
        if (random.nextInt(4) == 0) {
            root.putObject("metadata").put("k", random.nextInt(3)).put("s", "x" + random.nextInt(3));
        }
        int shape = random.nextInt(4);
        if (shape > 0) {
            ArrayNode turns = root.putObject("transcript").putArray("turns");
            if (shape == 1 || random.nextBoolean()) {
                turns.addObject().put("role", "system").put("text", "system " + random.nextInt(3));
            }
            if (shape > 1) {
                for (int i = 0; i < 1 + random.nextInt(4); i++) {
                    turns.addObject().put("role", random.nextBoolean() ? "user" : "assistant")
                            .put("text", "turn " + random.nextInt(10)).put("startSeconds", i).put("endSeconds", i + 0.5);
                }
            }
        }
        return root.toString();
    }
}
