package ai.zelto.app;

import ai.zelto.adapters.persistence.TestDatabase;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** The application's use cases wired on a test database, without HTTP. */
final class JdbiHarness implements AutoCloseable {
    private final ZeltoCore core;

    JdbiHarness(TestDatabase database) {
        this(database, new ZeltoConfiguration());
    }

    JdbiHarness(TestDatabase database, ZeltoConfiguration config) {
        config.setSecretsKey(TestServer.SECRETS_KEY);
        this.core = new ZeltoCore(config, Jdbi.create(database.dataSource()),
                ProviderPlugins.load(getClass().getClassLoader()), Clock.systemUTC());
    }

    ZeltoCore core() {
        return core;
    }

    @Override
    public void close() {
        // Jdbi on a plain data source holds no resources between calls.
    }
}
