package ai.zelto.app;

import ai.zelto.adapters.persistence.TestDatabase;
import ai.zelto.app.config.Configurations;
import ai.zelto.app.config.ZeltoConfiguration;
import ai.zelto.app.wiring.ProviderPlugins;
import ai.zelto.app.wiring.ZeltoCore;
import ai.zelto.application.port.in.organization.CreateOrganizationCommand;
import ai.zelto.domain.credit.Credits;
import java.time.Clock;
import java.time.Instant;
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

    /** A new organization's first API key. */
    String organizationKey(String name) {
        return core.access.organizations.create(new CreateOrganizationCommand(name, null, "test")).firstKey()
                .secret().value();
    }

    /** A new organization whose whole balance is spent (for 402s), by its first API key. */
    String spentOrganizationKey(String name) {
        var created = core.access.organizations.create(new CreateOrganizationCommand(name, null, "test"));
        long balance = core.base.ports.credits().balance(created.organizationId()).balance();
        core.base.ports.credits().grant(created.organizationId(), Credits.of(-balance), "test: spent", Instant.now());
        return created.firstKey().secret().value();
    }

    @Override
    public void close() {
        // Jdbi on a plain data source holds no resources between calls.
    }
}
