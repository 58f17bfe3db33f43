package ai.zelto.bench;

import static ai.zelto.bench.Benchmark.format;
import static ai.zelto.bench.Benchmark.say;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * The console's pages on one organization holding {@code rows} conversations of realistic transcripts: 12 turns of
 * 8 to 16 words each, drawn from 300 everyday support words and a long tail of 20,000 others, spread over the
 * last year. Some words have known shares of the calls, so that searches of every kind are measured: "hello" opens
 * 90 % of them, "shipping" is in about 20 %, "refund" in about 6 %, "zanzibar" in 100 calls in all. Measured with a
 * signed-in session, as a person's browser asks: the list unfiltered, one agent's calls, a two-word search over the
 * last 30 days, searches over all time for a rare, a middling and a common word, and a call of 200 turns opened
 * from a search. Each is asked 300 times after 20 to warm up; p50 and p95 of the time to the whole answer. Then
 * the MCP tools over the same calls ({@link McpReads}).
 */
final class ConsoleReads {
    static final String OWNER_EMAIL = "bench@example.com";
    static final String OWNER_PASSWORD = "bench password 123";
    private static final int TURNS = 12;
    private static final int AGENTS = 20;
    private static final String[] COMMON = ("""
            the a to and you i it is that for my your can of on this be with have we will order account what help
            please thanks thank yes no just need get so do not me are at if about there one call today time like
            check let see know right sure would could want okay now day number new card payment phone email
            address delivery package parcel tracking late week month service plan price charge bill invoice
            support agent customer issue problem question answer update change cancel return exchange item
            product size color store online app website login password reset code verify confirm send receive
            arrive arrived tomorrow yesterday morning afternoon evening hour minute back again still already
            soon later first last next other same different great good fine bad wrong sorry apologize
            understand explain happy glad appreciate wait hold transfer manager team department office hours
            open closed weekend holiday schedule appointment book booking reservation table room flight ticket
            seat bag luggage gate boarding hotel car rental insurance claim policy coverage premium doctor
            clinic prescription pharmacy refill insurance balance transaction transfer deposit withdraw loan
            rate interest fee discount coupon promo offer subscription renewal upgrade downgrade trial free
            premium basic pro limit data plan roaming signal internet router modem reboot restart install
            setup device laptop tablet screen battery charger warranty repair replace broken damaged missing
            wrong lost found name last first street city state zip country postal billing shipping express
            standard overnight carrier label box courier driver door neighbor signature photo proof""")
            .trim().split("\\s+");
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "re", "tu", "san", "vel", "dor", "pri", "mon",
            "ast", "qui", "ber", "nex", "tal", "ron", "fi", "gal", "hu", "zen"};

    private final Benchmark bench;
    private final int port;
    private final int rows;
    private final Map<String, String> report;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String[] tail = new String[20_000];

    ConsoleReads(Benchmark bench, int port, int rows, Map<String, String> report) {
        this.bench = bench;
        this.port = port;
        this.rows = rows;
        this.report = report;
        Random random = new Random(7);
        for (int i = 0; i < tail.length; i++) {
            StringBuilder word = new StringBuilder();
            for (int s = 2 + random.nextInt(3); s > 0; s--) {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            tail[i] = word.append(i % 97).toString();
        }
    }

    void run() throws Exception {
        UUID org;
        List<UUID> agents = new ArrayList<>();
        try (Connection c = bench.bench(); Statement sql = c.createStatement()) {
            ResultSet rs = sql.executeQuery("SELECT id FROM organizations ORDER BY created_at LIMIT 1");
            rs.next();
            org = (UUID) rs.getObject(1);
            for (int a = 0; a < AGENTS; a++) {
                UUID agent = UUID.randomUUID();
                sql.execute("INSERT INTO agents (id, organization_id, provider, external_id, name, created_at) VALUES ('"
                        + agent + "', '" + org + "', 'zelto', 'agent-" + a + "', 'Agent " + a + "', now())");
                agents.add(agent);
            }
        }
        long started = System.nanoTime();
        load(org, agents);
        say("generated %,d conversations of %d turns in %s s", rows, TURNS,
                format((System.nanoTime() - started) / 1e9));
        String longCall = uploadLongCall();
        String cookie = signIn();
        report.put("console reads: conversations in the organization", String.format(Locale.ROOT, "%,d", rows));
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/conversations, no filter", "/conversations");
        pages.put("/conversations, one agent", "/conversations?agent=" + agents.get(7));
        pages.put("/conversations, \"refund shipping\", last 30 days", "/conversations?q=refund+shipping&range=30d");
        pages.put("/conversations, rare word over all time (zanzibar, 100 calls)", "/conversations?q=zanzibar");
        pages.put("/conversations, middling word over all time (refund, ~6 %)", "/conversations?q=refund");
        pages.put("/conversations, common word over all time (hello, ~90 %)", "/conversations?q=hello");
        pages.put("/conversations/{id}, 200 turns, opened from a search", "/conversations/" + longCall + "?q=turn");
        Map<String, Double> p95 = new LinkedHashMap<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Latencies latencies = new Latencies();
            for (int i = 0; i < 320; i++) {
                long sent = System.nanoTime();
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + page.getValue())).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
                long micros = (System.nanoTime() - sent) / 1_000;
                if (answer.statusCode() != 200 || !answer.body().contains(page.getKey().contains("{id}")
                        ? "class=\"turn" : "class=\"call-row\"")) {
                    throw new IllegalStateException(page.getKey() + ": " + answer.statusCode() + " without results");
                }
                if (i >= 20) {
                    latencies.add(micros);
                }
            }
            p95.put(page.getKey(), latencies.millis(95));
            report.put("  " + page.getKey() + ": p50 / p95 (ms)",
                    format(latencies.millis(50)) + " / " + format(latencies.millis(95)));
        }
        report.put("  common word / rare word, p95", String.format(Locale.ROOT, "%.2f",
                p95.get("/conversations, common word over all time (hello, ~90 %)")
                        / p95.get("/conversations, rare word over all time (zanzibar, 100 calls)")));
        new McpReads(port, report).run(agents.get(7), longCall);
    }

    /** COPY in chunks from two connections (two cores), with the search indexes built once at the end. */
    private void load(UUID org, List<UUID> agents) throws Exception {
        try (Connection c = bench.bench(); Statement sql = c.createStatement()) {
            sql.execute("DROP INDEX conversations_search");
            sql.execute("DROP INDEX conversations_metadata");
        }
        int threads = 2;
        List<Thread> workers = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        Instant now = Instant.now();
        for (int t = 0; t < threads; t++) {
            int first = t;
            Thread worker = new Thread(() -> {
                Random random = new Random(first * 31L + 1);
                try (Connection c = bench.bench()) {
                    CopyManager copy = new CopyManager(c.unwrap(BaseConnection.class));
                    StringBuilder chunk = new StringBuilder();
                    for (int i = first; i < rows; i += threads) {
                        row(chunk, i, org, agents, random, now);
                        if (chunk.length() > 8_000_000) {
                            copy(copy, chunk);
                        }
                    }
                    copy(copy, chunk);
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        try (Connection c = bench.bench(); Statement sql = c.createStatement()) {
            sql.execute("SET maintenance_work_mem = '512MB'");
            sql.execute("CREATE INDEX conversations_search ON conversations USING gin (search_document)");
            sql.execute("CREATE INDEX conversations_metadata ON conversations USING gin (metadata jsonb_path_ops)");
            sql.execute("VACUUM ANALYZE conversations");
        }
    }

    private static void copy(CopyManager copy, StringBuilder chunk) throws Exception {
        if (chunk.length() > 0) {
            copy.copyIn("COPY conversations (id, organization_id, external_id, provider, agent_id, version, started_at,"
                    + " ended_at, duration_seconds, ended_reason, cost, customer_number, customer_name, metadata,"
                    + " transcript, last_received_at, created_at, updated_at) FROM STDIN", new StringReader(
                    chunk.toString()));
            chunk.setLength(0);
        }
    }

    private void row(StringBuilder out, int i, UUID org, List<UUID> agents, Random random, Instant now) {
        Instant startedAt = now.minusSeconds((long) ((double) i / rows * 365 * 24 * 3600)).minusSeconds(60);
        int duration = 60 + random.nextInt(540);
        String ended = switch (random.nextInt(10)) {
            case 0 -> "assistant-ended-call";
            case 1, 2 -> "silence-timed-out";
            default -> "customer-ended-call";
        };
        StringBuilder transcript = new StringBuilder("[");
        int refundTurn = random.nextInt(100) < 6 ? random.nextInt(TURNS) : -1;
        int shippingTurn = random.nextInt(100) < 20 ? random.nextInt(TURNS) : -1;
        boolean zanzibar = i % Math.max(1, rows / 100) == 17;
        for (int t = 0; t < TURNS; t++) {
            StringBuilder text = new StringBuilder();
            if (t == 0 && random.nextInt(10) < 9) {
                text.append("hello");
            }
            for (int w = 8 + random.nextInt(9); w > 0; w--) {
                String word = random.nextInt(10) < 7 ? COMMON[(int) (COMMON.length * Math.pow(random.nextDouble(), 2))]
                        : tail[random.nextInt(tail.length)];
                if (word.equals("refund") || word.equals("shipping") || word.equals("hello")) {
                    word = "and";
                }
                text.append(text.length() == 0 ? "" : " ").append(word);
            }
            if (t == refundTurn) {
                text.append(" refund");
            }
            if (t == shippingTurn) {
                text.append(" shipping");
            }
            if (zanzibar && t == 5) {
                text.append(" zanzibar");
            }
            transcript.append(t == 0 ? "" : ",").append("{\"role\": \"").append(t % 2 == 0 ? "user" : "assistant")
                    .append("\", \"text\": \"").append(text).append("\", \"startSeconds\": ").append(t * 10)
                    .append(", \"endSeconds\": ").append(t * 10 + 8).append('}');
        }
        transcript.append(']');
        out.append(UUID.randomUUID()).append('\t').append(org).append('\t').append("bulk-").append(i).append('\t')
                .append(i % 3 == 0 ? "vapi" : "zelto").append('\t').append(agents.get(i % agents.size())).append('\t')
                .append('v').append(i % 4).append('\t').append(startedAt).append('\t')
                .append(startedAt.plusSeconds(duration)).append('\t').append(duration).append('\t').append(ended)
                .append('\t').append(String.format(Locale.ROOT, "%.3f", duration * 0.0012)).append('\t')
                .append("+1555").append(1000000 + i % 9000000).append('\t').append("\\N").append('\t')
                .append("{\"channel\": \"").append(i % 5 == 0 ? "sms" : "phone").append("\"}").append('\t')
                .append(transcript).append('\t').append(now).append('\t').append(now).append('\t').append(now)
                .append('\n');
    }

    private String uploadLongCall() throws Exception {
        String externalId = "bench-200-turns-" + UUID.randomUUID();
        StringBuilder turns = new StringBuilder();
        for (int t = 0; t < 200; t++) {
            turns.append(t == 0 ? "" : ",").append("{\"role\":\"").append(t % 2 == 0 ? "user" : "assistant")
                    .append("\",\"text\":\"turn ").append(t).append(" of a long call, with a sentence of some length\",")
                    .append("\"startSeconds\":").append(t * 6).append(",\"endSeconds\":").append(t * 6 + 5).append('}');
        }
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/webhooks/calls")).header("Authorization", "Bearer " + Benchmark.KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"call\":{\"externalId\":\"" + externalId + "\",\"startedAt\":\"" + Instant.now()
                                + "\"},\"agent\":{\"externalId\":\"long\"},\"transcript\":{\"turns\":[" + turns
                                + "]}}")).build(), HttpResponse.BodyHandlers.ofString());
        if (posted.statusCode() != 200) {
            throw new IllegalStateException("the 200-turn upload failed: " + posted.body());
        }
        try (Connection c = bench.bench(); Statement sql = c.createStatement()) {
            return Benchmark.awaitConversation(sql, externalId);
        }
    }

    /** Signs in as the bench's owner the way the sign-in form does; the session cookie. */
    private String signIn() throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String csrfCookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("zelto_csrf="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/login")).header("Cookie", csrfCookie).header("Origin", "http://127.0.0.1:" + port)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + token.group(1) + "&email="
                        + URLEncoder.encode(OWNER_EMAIL, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(OWNER_PASSWORD, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        return signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("zelto_session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IllegalStateException("sign-in failed: " + signedIn.statusCode()));
    }
}
