package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The shipped jar ({@code app/target/zelto.jar}) run as its own process, the way a user runs it. */
final class ZeltoProcess implements AutoCloseable {
    static final Path JAR = Path.of("target", "zelto.jar").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final java.util.Random RANDOM = new java.security.SecureRandom();
    private static final java.util.Set<Integer> HANDED_OUT = new java.util.HashSet<>();

    private final Process process;
    private final Path log;

    private ZeltoProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java -jar zelto.jar args...} in {@code workDir} with exactly these ZELTO_ variables. */
    static ZeltoProcess start(Path workDir, String logName, Map<String, String> env, String... args) throws IOException {
        return start(workDir, logName, env, List.of(), args);
    }

    /** Starts {@code java jvmOptions... -jar zelto.jar args...}, as {@link #start(Path, String, Map, String...)}. */
    static ZeltoProcess start(Path workDir, String logName, Map<String, String> env, List<String> jvmOptions,
                              String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path log = workDir.resolve(logName);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ZELTO_"));
        builder.environment().putAll(env);
        return new ZeltoProcess(builder.start(), log);
    }

    /** Waits until the API port answers; returns the console output so far. */
    String awaitStarted(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as(this::output).isTrue();
            try {
                get(port, "zk_" + "0".repeat(43), "/v1/credits");
                return output();
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the server did not start: " + output());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to exit by itself; returns its exit code. */
    int awaitExit() throws InterruptedException {
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(this::output).isTrue();
        return process.exitValue();
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /** Kills it with SIGKILL: no shutdown hook, no graceful stop — a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stops it the way an operator does (SIGTERM), forcibly only if it does not stop within a minute. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static HttpResponse<String> get(int port, String key, String path) throws IOException, InterruptedException {
        return ResponseHygiene.check(HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    static HttpResponse<String> post(int port, String key, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/calls"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return ResponseHygiene.check(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /**
     * The environment of a jar run against a test database: its own ports and data directory, the test's
     * bootstrap key and secrets key, rate limits out of the way, no transcriber.
     */
    static Map<String, String> environmentFor(ai.zelto.adapters.persistence.TestDatabase database, Path dataDir)
            throws IOException {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("ZELTO_PORT", String.valueOf(freePort()));
        env.put("ZELTO_ADMIN_PORT", String.valueOf(freePort()));
        env.put("ZELTO_DATA_DIR", dataDir.toString());
        env.put("ZELTO_DATABASE_URL", database.jdbcUrl());
        env.put("ZELTO_DATABASE_USER", database.user());
        if (database.password() != null) {
            env.put("ZELTO_DATABASE_PASSWORD", database.password());
        }
        env.put("ZELTO_BOOTSTRAP_API_KEY", TestServer.KEY);
        env.put("ZELTO_SECRETS_KEY", TestServer.SECRETS_KEY);
        env.put("ZELTO_RATE_LIMIT_PER_SECOND", "100000");
        env.put("ZELTO_RATE_LIMIT_BURST", "100000");
        env.put("ZELTO_TRANSCRIBER", "none");
        return env;
    }

    /**
     * A port for a server the test starts later, taken from below the system's ephemeral range: a port the system
     * hands out for "any port" (a fake server bound to port 0, a client's outgoing connection) could otherwise be
     * given away again between this choice and the server's start — a CI run once found a fake server answering on
     * the jar's port. Ports are chosen at random so that test JVMs running side by side rarely try the same one, and
     * never twice in one JVM.
     */
    static synchronized int freePort() throws IOException {
        int below = ephemeralRangeStart();
        if (below < 11_000) {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = 10_000 + RANDOM.nextInt(below - 10_000);
            if (!HANDED_OUT.add(candidate)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new java.net.InetSocketAddress(candidate));
                return candidate;
            } catch (IOException taken) {
                // in use: try another
            }
        }
        throw new IOException("no free port found below " + below);
    }

    private static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException notLinux) {
            return 32_768;
        }
    }
}
