package ai.zelto.app.cli;

import ai.zelto.adapters.persistence.DatabaseMigrations;
import ai.zelto.app.config.ZeltoConfiguration;
import ai.zelto.app.db.DatabaseTarget;
import ai.zelto.app.db.Databases;
import ai.zelto.app.wiring.ProviderPlugins;
import ai.zelto.app.wiring.ZeltoCore;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import java.time.Clock;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;

/**
 * A CLI command that works on the configured database: the configured server, the embedded database of a
 * Zelto server running on the same data directory, or the embedded database started for this command alone.
 */
abstract class CliCommand extends ConfiguredCommand<ZeltoConfiguration> {
    private final Application<ZeltoConfiguration> application;

    private final String[] actions;

    CliCommand(Application<ZeltoConfiguration> application, String name, String description, String... actions) {
        super(name, description);
        this.application = application;
        this.actions = actions;
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices(actions).help("what to do");
        super.configure(subparser);
        subparser.addArgument("--name").help("the name (create)");
        configureOptions(subparser);
    }

    /** The named option, or a usage error saying it is needed for this action. */
    static String required(Namespace namespace, String option) {
        String value = namespace.getString(option);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + option + " is required for " + namespace.getString("action"));
        }
        return value;
    }

    void configureOptions(Subparser subparser) {
    }

    @Override
    protected void run(Bootstrap<ZeltoConfiguration> bootstrap, Namespace namespace, ZeltoConfiguration config)
            throws Exception {
        try (DatabaseTarget database = DatabaseTarget.open(config, true)) {
            ManagedDataSource dataSource = Databases.dataSourceFactory(database, config)
                    .build(bootstrap.getMetricRegistry(), "cli");
            try {
                DatabaseMigrations.migrate(Databases.unpooled(database));
                Jdbi jdbi = Jdbi.create(dataSource);
                ZeltoCore core = new ZeltoCore(config, jdbi, ProviderPlugins.load(application.getClass()
                        .getClassLoader(), config.pluginDirectory()), Clock.systemUTC());
                run(core, namespace);
            } finally {
                dataSource.stop();
            }
        }
    }

    abstract void run(ZeltoCore core, Namespace namespace);
}
