package ai.zelto.app;

import ai.zelto.adapters.persistence.TestDatabase;
import ai.zelto.app.config.Configurations;
import ai.zelto.app.config.ZeltoConfiguration;
import ai.zelto.app.wiring.ProviderPlugins;
import ai.zelto.app.wiring.ZeltoCore;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The application's use cases wired on a test database, without HTTP. */
final class JdbiHarness implements AutoCloseable {
    private final ZeltoCore core;

    JdbiHarness(TestDatabase database) {
        this(database, Map.of());
    }

    /** @param environment settings, as the environment variables that set them */
    JdbiHarness(TestDatabase database, Map<String, String> environment) {
        Map<String, String> settings = new HashMap<>(environment);
        settings.putIfAbsent("ZELTO_SECRETS_KEY", TestServer.SECRETS_KEY);
        ZeltoConfiguration config = Configurations.of(settings);
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
