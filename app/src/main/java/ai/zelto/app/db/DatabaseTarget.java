package ai.zelto.app.db;

import ai.zelto.app.config.DatabaseSettings;
import ai.zelto.app.config.ZeltoConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL Zelto talks to: the configured one, or an embedded one whose files live in
 * {@code <dataDir>/postgres} and survive restarts.
 *
 * <p>A Zelto process that owns the embedded database holds an exclusive lock on {@code <dataDir>/zelto.lock}
 * for as long as it runs. A CLI command that finds the lock held attaches to that running server (its port is in
 * PostgreSQL's own {@code postmaster.pid}); otherwise it starts the embedded server itself for the command's
 * duration. A server left running by a killed Zelto is shut down and restarted, never shared.
 */
public final class DatabaseTarget implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseTarget.class);
    private static final String EMBEDDED_DATABASE = "postgres";
    private static final String EMBEDDED_USER = "postgres";

    private final String url;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DatabaseTarget(String url, String user, String password, EmbeddedPostgres embedded,
                           FileChannel lockChannel, FileLock lock) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * @param attachToRunning whether a server already running on the data directory may be used (CLI commands);
     *                        a Zelto server refuses to share its embedded database with another server
     */
    public static DatabaseTarget open(ZeltoConfiguration config, boolean attachToRunning) {
        DatabaseSettings db = config.getDatabase();
        if (db.isConfigured()) {
            return new DatabaseTarget(db.getUrl(), db.getUser(), db.getPassword(), null, null, null);
        }
        return openEmbedded(config.dataDirectory().toAbsolutePath().normalize(), attachToRunning);
    }

    private static DatabaseTarget openEmbedded(Path dataDir, boolean attachToRunning) {
        try {
            Files.createDirectories(dataDir);
            Path pgData = dataDir.resolve("postgres");
            FileChannel channel = new RandomAccessFile(dataDir.resolve("zelto.lock").toFile(), "rw").getChannel();
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                if (!attachToRunning) {
                    throw new IllegalStateException("another Zelto server is using the data directory " + dataDir
                            + "; stop it, or give this one its own ZELTO_DATA_DIR or a ZELTO_DATABASE_URL");
                }
                int port = runningPort(pgData).orElseThrow(() -> new IllegalStateException(
                        "a Zelto server holds " + dataDir + " but its database is not running yet; try again"));
                return new DatabaseTarget(jdbcUrl(port), EMBEDDED_USER, null, null, null, null);
            }
            stopOrphan(pgData);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // zonky's test-friendly default is off; an acknowledged delivery must survive a crash
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            LOG.info("embedded PostgreSQL running on port {} with its files in {}", postgres.getPort(), pgData);
            return new DatabaseTarget(jdbcUrl(postgres.getPort()), EMBEDDED_USER, null, postgres, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** The port of a live postmaster on that data directory, from line 4 of its postmaster.pid. */
    private static Optional<Integer> runningPort(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.size() < 4 || !isAlive(lines.get(0))) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(lines.get(3).trim()));
    }

    /** A postmaster still running from a Zelto that was killed: ask it to shut down, and wait until it has. */
    private static void stopOrphan(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !isAlive(lines.get(0))) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).trim());
        LOG.warn("stopping the embedded PostgreSQL (pid {}) left running by a Zelto that did not shut down", pid);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (Files.exists(pidFile) && isAlive(lines.get(0)) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for PostgreSQL to stop", interrupted);
            }
        }
    }

    private static boolean isAlive(String pidLine) {
        try {
            return ProcessHandle.of(Long.parseLong(pidLine.trim())).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException notAPid) {
            return false;
        }
    }

    private static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + EMBEDDED_DATABASE;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        try {
            if (embedded != null) {
                embedded.close();
            }
            if (lock != null) {
                lock.release();
                lockChannel.close();
            }
        } catch (IOException e) {
            LOG.warn("could not stop the embedded PostgreSQL cleanly: {}", e.getMessage());
        }
    }
}
