package ai.zelto.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark {@code bench/run} starts. On one machine, the app, PostgreSQL and the load generator sharing it:
 * <ol>
 *   <li>ceiling (a): PostgreSQL's durable single-row INSERT rate of the same rows at the same concurrency;</li>
 *   <li>ceiling (b): a minimal Dropwizard app that parses the same bodies and stores nothing;</li>
 *   <li>Zelto's jar at the maximum (closed loop, 64 clients) and at half that rate (open loop): acknowledged
 *       uploads a second, acknowledgement latency, processing lag, the time the backlog takes to drain, peak
 *       RSS;</li>
 *   <li>the CPU each process spent per upload in (a), (b) and Zelto's maximum ({@link CpuAccount}), and the CPU
 *       per upload the machine has at 0.6 and 1.0 times ceiling (a);</li>
 *   <li>reads on an organization holding a million conversations.</li>
 * </ol>
 * Settings (environment): {@code BENCH_SECONDS} (30) per load phase, {@code BENCH_CEILING_SECONDS} (15),
 * {@code BENCH_CLIENTS} (64), {@code BENCH_READ_ROWS} (1,000,000), {@code BENCH_DATABASE_URL} (an admin URL of
 * a PostgreSQL to create the {@code zelto_bench} database in; default the local one, else an embedded one).
 */
public final class Benchmark {
    static final String KEY = "zk_bench_" + "k".repeat(40);
    private static final String DATABASE = "zelto_bench";

    private final int seconds = intSetting("BENCH_SECONDS", 30);
    private final int ceilingSeconds = intSetting("BENCH_CEILING_SECONDS", 15);
    private final int clients = intSetting("BENCH_CLIENTS", 64);
    private final int readRows = intSetting("BENCH_READ_ROWS", 1_000_000);
    private final Path work;
    private final Path zeltoJar;
    private final Path benchJar;
    private final Map<String, String> report = new LinkedHashMap<>();
    private String adminUrl;
    /** Where the ceilings' CPU went, per upload (see {@link CpuAccount}). */
    private String cpuCeilingA = "n/a";
    private String cpuCeilingB = "n/a";
    private String user = "postgres";
    private EmbeddedPostgres embedded;
    private final String secretsKey = randomSecretsKey();

    private Benchmark(Path root) throws IOException {
        this.work = Files.createTempDirectory("zelto-bench-");
        this.zeltoJar = root.resolve("app/target/zelto.jar").toAbsolutePath();
        this.benchJar = root.resolve("bench/target/zelto-bench.jar").toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        Benchmark bench = new Benchmark(Path.of(args.length > 0 ? args[0] : "."));
        try {
            if (args.length > 1 && args[1].equals("console")) {
                bench.runConsole();
            } else {
                bench.run();
            }
        } finally {
            if (bench.embedded != null) {
                bench.embedded.close();
            }
        }
    }

    private void run() throws Exception {
        openDatabase();
        say("machine: %d cores, %d MiB of memory; %d clients, %d s a phase; work directory %s",
                Runtime.getRuntime().availableProcessors(), totalMemoryMib(), clients, seconds, work);
        try (Zelto migrate = Zelto.start(this, "migrate")) {
            say("database migrated by the jar");
        }
        double insertCeiling = insertCeiling();
        double httpCeiling = httpCeiling();
        try (Zelto zelto = Zelto.start(this, "zelto")) {
            // The JIT needs about twenty seconds of this load before the figures settle.
            say("warming up the jar (%d s)", Math.min(20, seconds));
            load(zelto.port, "warmup", "closed", clients, Math.min(20, seconds));
            drain();
            Instant maxStart = Instant.now();
            CpuAccount.Sample cpuBefore = CpuAccount.sample();
            Map<String, String> max = load(zelto.port, "max", "closed", clients, seconds);
            Instant maxEnd = Instant.now();
            double drainSeconds = drain();
            CpuAccount.Sample cpuAfter = CpuAccount.sample();
            double ingest = Double.parseDouble(max.get("perSecond"));
            int half = (int) Math.max(1, ingest / 2);
            Instant halfStart = Instant.now();
            Map<String, String> halfRate = load(zelto.port, "half", "open", half, seconds);
            Instant halfEnd = Instant.now();
            double halfDrain = drain();
            long rssMib = zelto.peakRssMib();
            report.put("ceiling (a): PostgreSQL durable single-row INSERTs/s", format(insertCeiling));
            report.put("ceiling (b): Dropwizard parse-and-answer uploads/s", format(httpCeiling));
            report.put("Zelto at the maximum: acked uploads/s", format(ingest) + "  (" + max.get("acked") + " in "
                    + max.get("seconds") + " s, answers " + max.get("statuses") + ", failed " + max.get("failed") + ")");
            report.put("  ack latency p50 / p99 / max (ms)", max.get("p50") + " / " + max.get("p99") + " / " + max.get("max"));
            report.put("  processing lag, ack to conversation visible, p50 / p99 (ms)", lag(maxStart, maxEnd));
            report.put("  backlog drained after the load stopped (s)", format(drainSeconds));
            report.put("Zelto at half the maximum (" + half + "/s): acked uploads/s", halfRate.get("perSecond")
                    + "  (answers " + halfRate.get("statuses") + ", failed " + halfRate.get("failed") + ")");
            report.put("  ack latency p50 / p99 / max (ms) ", halfRate.get("p50") + " / " + halfRate.get("p99") + " / "
                    + halfRate.get("max"));
            report.put("  processing lag p50 / p99 (ms) ", lag(halfStart, halfEnd));
            // The same open loop against the no-op app, now, while the machine is in the same state (the jar
            // idles): the latency the machine and the load generator add by themselves.
            Map<String, String> floor = againstCeilingApp("floor", "open", half, seconds);
            report.put("  latency floor: ceiling (b) at the same rate, p50 / p99 / max (ms)",
                    floor.get("p50") + " / " + floor.get("p99") + " / " + floor.get("max"));
            report.put("  backlog drained after the load stopped (s) ", format(halfDrain));
            report.put("peak RSS of the jar (MiB)", Long.toString(rssMib));
            double acked = Double.parseDouble(max.get("acked"));
            double jar = cpuAfter.processSince(cpuBefore, zelto.pid());
            double postgres = cpuAfter.postgresSince(cpuBefore);
            double generator = Double.parseDouble(max.get("cpuMillis")) / 1000;
            report.put("CPU per upload (ms): ceiling (a), PostgreSQL + JDBC client", cpuCeilingA);
            report.put("CPU per upload (ms): ceiling (b), app + load generator", cpuCeilingB);
            report.put("CPU per upload (ms): Zelto at the maximum, acknowledged and processed: jar + PostgreSQL"
                    + " + load generator", CpuAccount.perUpload(jar, acked) + " + " + CpuAccount.perUpload(postgres, acked)
                    + " + " + CpuAccount.perUpload(generator, acked) + " = "
                    + CpuAccount.perUpload(jar + postgres + generator, acked));
            int cores = Runtime.getRuntime().availableProcessors();
            report.put("CPU per upload (ms) the machine has at 0.6 / 1.0 x ceiling (a)",
                    String.format(Locale.ROOT, "%.3f / %.3f  (%d cores)", cores * 1000 / (0.6 * insertCeiling),
                            cores * 1000 / insertCeiling, cores));
            report.put("ingest / ceiling (a)", String.format(Locale.ROOT, "%.2f", ingest / insertCeiling));
            report.put("ingest / ceiling (b)", String.format(Locale.ROOT, "%.2f", ingest / httpCeiling));
            if (readRows > 0) {
                reads(zelto.port);
            }
        }

        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE " + DATABASE + " WITH (FORCE)");
        }
        System.out.println();
        System.out.println("== Zelto benchmark ==");
        report.forEach((name, value) -> System.out.printf("%-62s %s%n", name, value));
    }

    /**
     * {@code bench/run console}: the console's pages on an organization of {@code BENCH_READ_ROWS} conversations
     * with realistic transcripts ({@link ConsoleReads}).
     */
    private void runConsole() throws Exception {
        openDatabase();
        say("machine: %d cores, %d MiB of memory; work directory %s", Runtime.getRuntime().availableProcessors(),
                totalMemoryMib(), work);
        try (Zelto zelto = Zelto.start(this, "zelto")) {
            new ConsoleReads(this, zelto.port, readRows, report).run();
        }
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE " + DATABASE + " WITH (FORCE)");
        }
        System.out.println();
        System.out.println("== Zelto console benchmark ==");
        report.forEach((name, value) -> System.out.printf("%-70s %s%n", name, value));
    }

    // --- the database ---------------------------------------------------------------------------------------

    private void openDatabase() throws Exception {
        String configured = System.getenv("BENCH_DATABASE_URL");
        adminUrl = configured != null ? configured : "jdbc:postgresql://127.0.0.1:5432/postgres";
        if (System.getenv("BENCH_DATABASE_USER") != null) {
            user = System.getenv("BENCH_DATABASE_USER");
        }
        try (Connection probe = DriverManager.getConnection(adminUrl, user, System.getenv("BENCH_DATABASE_PASSWORD"))) {
            say("PostgreSQL %s at %s", probe.getMetaData().getDatabaseProductVersion(), adminUrl);
        } catch (SQLException unreachable) {
            if (configured != null) {
                throw unreachable;
            }
            embedded = EmbeddedPostgres.builder().setDataDirectory(work.resolve("postgres"))
                    .setCleanDataDirectory(true).start();
            adminUrl = embedded.getJdbcUrl("postgres", "postgres");
            say("no PostgreSQL on 127.0.0.1:5432: using an embedded one (%s)", adminUrl);
        }
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + DATABASE);
        }
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(adminUrl, user, System.getenv("BENCH_DATABASE_PASSWORD"));
    }

    String benchUrl() {
        return adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + DATABASE + "$1");
    }

    String user() {
        return user;
    }

    Connection bench() throws SQLException {
        return DriverManager.getConnection(benchUrl(), user, System.getenv("BENCH_DATABASE_PASSWORD"));
    }

    // --- ceilings -------------------------------------------------------------------------------------------

    /**
     * Ceiling (a): {@code clients} connections each INSERT one delivery row at a time, committing each (the
     * commit waits for the WAL flush, as Zelto's acknowledgement does), into a table shaped like
     * {@code deliveries} with its indexes.
     */
    private double insertCeiling() throws Exception {
        try (Connection c = bench(); Statement sql = c.createStatement()) {
            sql.execute("CREATE TABLE bench_insert (LIKE deliveries INCLUDING ALL)");
        }
        UUID org = UUID.randomUUID();
        AtomicLong inserted = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            int thread = t;
            threads.add(started(() -> {
                Payloads payloads = new Payloads("ceiling-" + thread, thread);
                try (Connection c = bench(); PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO bench_insert (id, organization_id, provider, received_at, body, headers, channel,
                                                  external_id, status)
                        VALUES (?, ?, 'zelto', now(), ?, CAST(? AS jsonb), 'api_key', ?, 'pending')""")) {
                    int n = 0;
                    while (running.get()) {
                        insert.setObject(1, UUID.randomUUID());
                        insert.setObject(2, org);
                        insert.setBytes(3, payloads.next());
                        insert.setString(4, "{\"content-type\":[\"application/json\"]}");
                        insert.setString(5, "ceiling-" + thread + "-" + n++);
                        insert.executeUpdate();
                        inserted.incrementAndGet();
                    }
                } catch (SQLException failed) {
                    throw new IllegalStateException(failed);
                }
            }));
        }
        Thread.sleep(2_000);
        long before = inserted.get();
        long started = System.nanoTime();
        CpuAccount.Sample cpuBefore = CpuAccount.sample();
        Thread.sleep(ceilingSeconds * 1_000L);
        CpuAccount.Sample cpuAfter = CpuAccount.sample();
        long count = inserted.get() - before;
        double rate = count / ((System.nanoTime() - started) / 1e9);
        running.set(false);
        double postgres = cpuAfter.postgresSince(cpuBefore);
        double client = cpuAfter.processSince(cpuBefore, ProcessHandle.current().pid());
        cpuCeilingA = CpuAccount.perUpload(postgres, count) + " + " + CpuAccount.perUpload(client, count) + " = "
                + CpuAccount.perUpload(postgres + client, count);
        for (Thread thread : threads) {
            thread.join();
        }
        try (Connection c = bench(); Statement sql = c.createStatement()) {
            sql.execute("DROP TABLE bench_insert");
            sql.execute("CHECKPOINT");
        }
        say("ceiling (a): %s single-row INSERTs/s from %d connections", format(rate), clients);
        return rate;
    }

    /** Ceiling (b): the load generator against {@link JsonCeilingApp}, closed loop, the same clients. */
    private double httpCeiling() throws Exception {
        Map<String, String> result = againstCeilingApp("ceiling", "closed", clients, ceilingSeconds);
        double rate = Double.parseDouble(result.get("perSecond"));
        say("ceiling (b): %s uploads/s parsed and answered (p99 %s ms)", format(rate), result.get("p99"));
        double uploads = Double.parseDouble(result.get("acked"));
        double app = Double.parseDouble(result.get("appCpuSeconds"));
        double generator = Double.parseDouble(result.get("cpuMillis")) / 1000;
        cpuCeilingB = CpuAccount.perUpload(app, uploads) + " + " + CpuAccount.perUpload(generator, uploads) + " = "
                + CpuAccount.perUpload(app + generator, uploads);
        return rate;
    }

    /**
     * The load generator against {@link JsonCeilingApp} (after a 5 s warm-up). At a fixed rate this is the
     * latency floor of the machine and the load generator themselves, against which Zelto's is read.
     */
    private Map<String, String> againstCeilingApp(String runId, String mode, int amount, int forSeconds)
            throws Exception {
        int port = freePort();
        Path config = work.resolve("ceiling.yml");
        Files.writeString(config, """
                server:
                  applicationConnectors: [{type: http, port: %d}]
                  adminConnectors: [{type: http, port: %d}]
                  requestLog: {appenders: []}
                logging: {level: WARN}
                """.formatted(port, freePort()));
        Process app = new ProcessBuilder(java(), "-cp", benchJar.toString(), JsonCeilingApp.class.getName(), "server",
                config.toString()).redirectErrorStream(true).redirectOutput(work.resolve("ceiling.log").toFile()).start();
        try {
            awaitPort(port, app);
            load(port, runId + "-warmup", "closed", clients, 5);
            CpuAccount.Sample before = CpuAccount.sample();
            Map<String, String> result = load(port, runId, mode, amount, forSeconds);
            result.put("appCpuSeconds", Double.toString(CpuAccount.sample().processSince(before, app.pid())));
            return result;
        } finally {
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
        }
    }

    // --- load -----------------------------------------------------------------------------------------------

    private Map<String, String> load(int port, String runId, String mode, int amount, int forSeconds)
            throws Exception {
        Process generator = new ProcessBuilder(java(), "-cp", benchJar.toString(), LoadGenerator.class.getName(),
                "http://127.0.0.1:" + port + "/webhooks/calls", KEY, runId + "-" + UUID.randomUUID(), mode,
                Integer.toString(amount), Integer.toString(forSeconds)).redirectErrorStream(true).start();
        String output = new String(generator.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        generator.waitFor();
        String line = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the load generator failed:\n" + output));
        Map<String, String> result = new HashMap<>();
        for (String pair : line.substring("RESULT ".length()).split(" ")) {
            int eq = pair.indexOf('=');
            result.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        say("%-15s %s %d for %d s: %s", runId, mode, amount, forSeconds, line.substring(7));
        return result;
    }

    /** Waits until no delivery is pending; the seconds it took. */
    private double drain() throws Exception {
        long started = System.nanoTime();
        try (Connection c = bench(); PreparedStatement pending = c.prepareStatement(
                "SELECT count(*) FROM deliveries WHERE status = 'pending'")) {
            while (true) {
                try (ResultSet rs = pending.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return (System.nanoTime() - started) / 1e9;
                    }
                }
                if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(10)) {
                    throw new IllegalStateException("the backlog did not drain within ten minutes");
                }
                Thread.sleep(50);
            }
        }
    }

    /** Processing lag of the deliveries received in a window: from their acknowledgement to their commit. */
    private String lag(Instant from, Instant to) throws SQLException {
        try (Connection c = bench(); PreparedStatement lag = c.prepareStatement("""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)
                FROM (SELECT extract(epoch FROM processed_at - received_at) * 1000 AS ms FROM deliveries
                      WHERE received_at BETWEEN ? AND ? AND processed_at IS NOT NULL) lags""")) {
            lag.setObject(1, java.sql.Timestamp.from(from));
            lag.setObject(2, java.sql.Timestamp.from(to));
            try (ResultSet rs = lag.executeQuery()) {
                rs.next();
                return format(rs.getDouble(1)) + " / " + format(rs.getDouble(2));
            }
        }
    }

    // --- reads ----------------------------------------------------------------------------------------------

    private void reads(int port) throws Exception {
        UUID org;
        String transcript;
        try (Connection c = bench(); Statement sql = c.createStatement()) {
            ResultSet rs = sql.executeQuery("SELECT organization_id, jsonb_path_query_array(transcript, '$[0 to 1]')"
                    + " FROM conversations LIMIT 1");
            rs.next();
            org = (UUID) rs.getObject(1);
            transcript = rs.getString(2);
        }
        HttpClient http = HttpClient.newHttpClient();
        String longCall = "bench-200-turns-" + UUID.randomUUID();
        StringBuilder turns = new StringBuilder();
        for (int t = 0; t < 200; t++) {
            turns.append(t == 0 ? "" : ",").append("{\"role\":\"").append(t % 2 == 0 ? "user" : "assistant")
                    .append("\",\"text\":\"turn ").append(t).append(" of a long call, with a sentence of some length\"}");
        }
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/webhooks/calls")).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"call\":{\"externalId\":\"" + longCall + "\"},\"agent\":{\"externalId\":\"long\"},"
                                + "\"transcript\":{\"turns\":[" + turns + "]}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (posted.statusCode() != 200) {
            throw new IllegalStateException("the 200-turn upload failed: " + posted.body());
        }
        long started = System.nanoTime();
        int missing;
        String longId;
        String agentId;
        try (Connection c = bench(); Statement sql = c.createStatement()) {
            ResultSet count = sql.executeQuery("SELECT count(*) FROM conversations");
            count.next();
            missing = (int) Math.max(0, readRows - count.getLong(1));
            sql.execute("INSERT INTO agents (id, organization_id, provider, external_id, name, created_at)"
                    + " SELECT gen_random_uuid(), '" + org + "', 'zelto', 'bulk-agent-' || g, 'Bulk agent ' || g, now()"
                    + " FROM generate_series(1, 20) g");
            sql.execute("""
                    INSERT INTO conversations (id, organization_id, external_id, provider, agent_id, version, started_at,
                        ended_at, duration_seconds, ended_reason, cost, customer_number, system_prompt, metadata,
                        transcript, last_received_at, created_at, updated_at)
                    SELECT gen_random_uuid(), '%s', 'bulk-' || g, CASE WHEN g %% 3 = 0 THEN 'vapi' ELSE 'zelto' END,
                        agents.ids[1 + g %% 20], 'v' || (g %% 4), timestamptz '2025-01-01' + g * interval '20 seconds',
                        timestamptz '2025-01-01' + g * interval '20 seconds' + interval '3 minutes', 180, 'hangup', 0.2,
                        '+15550000000', 'You are a bulk agent.', '{"bulk": true}', '%s'::jsonb, now(), now(), now()
                    FROM generate_series(1, %d) g,
                         (SELECT array_agg(id) AS ids FROM agents WHERE external_id LIKE 'bulk-agent-%%') agents
                    """.formatted(org, transcript.replace("'", "''"), missing));
            sql.execute("ANALYZE");
            ResultSet agent = sql.executeQuery("SELECT id FROM agents WHERE external_id = 'bulk-agent-7'");
            agent.next();
            agentId = agent.getString(1);
            longId = awaitConversation(sql, longCall);
        }
        say("generated %,d conversations in bulk in %s s", missing, format((System.nanoTime() - started) / 1e9));
        report.put("reads: conversations in the organization", String.format(Locale.ROOT, "%,d", readRows));
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("list, newest 50", "/v1/conversations?limit=50");
        paths.put("list, one agent", "/v1/conversations?limit=50&agentId=" + agentId);
        paths.put("list, provider and time window", "/v1/conversations?limit=50&provider=vapi"
                + "&from=2025-03-01T00:00:00Z&to=2025-03-02T00:00:00Z");
        paths.put("list, a page deep in the agent's calls", null);
        paths.put("get one conversation of 200 turns", "/v1/conversations/" + longId);
        String deepCursor = pageCursor(http, port, "/v1/conversations?limit=50&agentId=" + agentId, 200);
        paths.put("list, a page deep in the agent's calls", "/v1/conversations?limit=50&agentId=" + agentId
                + "&cursor=" + deepCursor);
        for (Map.Entry<String, String> path : paths.entrySet()) {
            Latencies latencies = new Latencies();
            for (int i = 0; i < 320; i++) {
                long sent = System.nanoTime();
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + path.getValue())).header("Authorization", "Bearer " + KEY).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(path.getKey() + ": " + answer.statusCode() + " " + answer.body());
                }
                if (i >= 20) {
                    latencies.add((System.nanoTime() - sent) / 1_000);
                }
            }
            report.put("  " + path.getKey() + ": p50 / p95 (ms)",
                    format(latencies.millis(50)) + " / " + format(latencies.millis(95)));
        }
    }

    static String awaitConversation(Statement sql, String externalId) throws Exception {
        for (int i = 0; i < 600; i++) {
            ResultSet rs = sql.executeQuery("SELECT id FROM conversations WHERE external_id = '" + externalId + "'");
            if (rs.next()) {
                return rs.getString(1);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the 200-turn call was not processed");
    }

    /** Follows nextCursor {@code pages} times; the cursor of the page reached. */
    private static String pageCursor(HttpClient http, int port, String path, int pages) throws Exception {
        String cursor = null;
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int i = 0; i < pages; i++) {
            String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path
                    + (cursor == null ? "" : "&cursor=" + cursor))).header("Authorization", "Bearer " + KEY).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            cursor = java.net.URLEncoder.encode(json.readTree(body).path("nextCursor").asText(),
                    StandardCharsets.UTF_8);
        }
        return cursor;
    }

    // --- the jar --------------------------------------------------------------------------------------------

    /** Zelto's shipped jar as its own process on the bench database. */
    static final class Zelto implements AutoCloseable {
        final int port;
        private final Process process;

        private Zelto(int port, Process process) {
            this.port = port;
            this.process = process;
        }

        static Zelto start(Benchmark bench, String name) throws Exception {
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(java(), "-jar", bench.zeltoJar.toString())
                    .directory(bench.work.toFile()).redirectErrorStream(true)
                    .redirectOutput(bench.work.resolve(name + ".log").toFile());
            builder.environment().keySet().removeIf(variable -> variable.startsWith("ZELTO_"));
            Map<String, String> env = builder.environment();
            env.put("ZELTO_PORT", Integer.toString(port));
            env.put("ZELTO_ADMIN_PORT", Integer.toString(freePort()));
            env.put("ZELTO_DATA_DIR", bench.work.resolve("data").toString());
            env.put("ZELTO_DATABASE_URL", bench.benchUrl());
            env.put("ZELTO_DATABASE_USER", bench.user());
            if (System.getenv("BENCH_DATABASE_PASSWORD") != null) {
                env.put("ZELTO_DATABASE_PASSWORD", System.getenv("BENCH_DATABASE_PASSWORD"));
            }
            env.put("ZELTO_BOOTSTRAP_API_KEY", KEY);
            env.put("ZELTO_BOOTSTRAP_OWNER_EMAIL", ConsoleReads.OWNER_EMAIL);
            env.put("ZELTO_BOOTSTRAP_OWNER_PASSWORD", ConsoleReads.OWNER_PASSWORD);
            env.put("ZELTO_SECRETS_KEY", bench.secretsKey);
            // One key carries the whole load here: its rate limit is lifted, and the credits do not run out.
            env.put("ZELTO_RATE_LIMIT_PER_SECOND", "1000000");
            env.put("ZELTO_RATE_LIMIT_BURST", "1000000");
            env.put("ZELTO_INITIAL_CREDITS", "1000000000000");
            env.put("ZELTO_TRANSCRIBER", "none");
            Process process = builder.start();
            awaitPort(port, process);
            return new Zelto(port, process);
        }

        long pid() {
            return process.pid();
        }

        /** The most resident memory the process has had (VmHWM), in MiB. */
        long peakRssMib() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
            return -1;
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static void awaitPort(int port, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the process exited with " + process.exitValue());
            }
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("port " + port + " did not open");
    }

    private static String randomSecretsKey() {
        byte[] secrets = new byte[32];
        new SecureRandom().nextBytes(secrets);
        return Base64.getEncoder().encodeToString(secrets);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int intSetting(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static long totalMemoryMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException unknown) {
            return -1;
        }
        return -1;
    }

    static String format(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%.1f", value);
    }

    static void say(String format, Object... args) {
        System.out.printf("[%tT] %s%n", new java.util.Date(), String.format(Locale.ROOT, format, args));
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }
}
