package ai.zelto.adapters.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The one place that decides which PostgreSQL the tests use, and hands each caller a fresh, migrated database
 * of its own on it:
 * <ol>
 *   <li>the server named by {@code ZELTO_TEST_DATABASE_URL} (user {@code ZELTO_TEST_DATABASE_USER}, default
 *       {@code postgres}; password {@code ZELTO_TEST_DATABASE_PASSWORD}), when set;</li>
 *   <li>else a Testcontainers PostgreSQL, when a Docker engine answers;</li>
 *   <li>else an embedded PostgreSQL from Maven Central (zonky), started once per test JVM.</li>
 * </ol>
 * {@link #close()} drops the database.
 */
public final class TestDatabase implements AutoCloseable {
    private static Server server;

    private final String name;
    private final String jdbcUrl;

    private TestDatabase(String name, String jdbcUrl) {
        this.name = name;
        this.jdbcUrl = jdbcUrl;
    }

    /** A new empty database with Zelto's schema. */
    public static TestDatabase create() {
        TestDatabase database = createEmpty();
        DatabaseMigrations.migrate(database.dataSource());
        return database;
    }

    /** A new empty database without any schema (for tests of start-up itself). */
    public static TestDatabase createEmpty() {
        Server s = server();
        String name = "zelto_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = s.connect(s.adminUrl); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database on " + s.adminUrl, e);
        }
        return new TestDatabase(name, s.urlFor(name));
    }

    /** Which kind of server the tests run on, for test reports. */
    public static String serverDescription() {
        return server().description;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return server().user;
    }

    public String password() {
        return server().password;
    }

    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(user());
        if (password() != null) {
            dataSource.setPassword(password());
        }
        return dataSource;
    }

    @Override
    public void close() {
        Server s = server();
        try (Connection admin = s.connect(s.adminUrl); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name, e);
        }
    }

    private static synchronized Server server() {
        if (server == null) {
            server = chooseServer();
        }
        return server;
    }

    private static Server chooseServer() {
        String url = setting("ZELTO_TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            String user = setting("ZELTO_TEST_DATABASE_USER");
            return new Server("ZELTO_TEST_DATABASE_URL " + url, url, user == null ? "postgres" : user,
                    setting("ZELTO_TEST_DATABASE_PASSWORD"));
        }
        if (dockerAnswers()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17");
            container.start();
            return new Server("Testcontainers " + container.getDockerImageName(), container.getJdbcUrl(),
                    container.getUsername(), container.getPassword());
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temporary directory is removed by the OS later
                }
            }));
            return new Server("embedded PostgreSQL (zonky) on port " + embedded.getPort(),
                    embedded.getJdbcUrl("postgres", "postgres"), "postgres", null);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL", e);
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError noDocker) {
            return false;
        }
    }

    private static String setting(String name) {
        String value = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
        return value != null ? value : System.getenv(name);
    }

    private record Server(String description, String adminUrl, String user, String password) {
        Connection connect(String url) throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        /** The admin URL with its database name replaced. */
        String urlFor(String database) {
            int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
            int query = adminUrl.indexOf('?', slash);
            return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
        }
    }
}
