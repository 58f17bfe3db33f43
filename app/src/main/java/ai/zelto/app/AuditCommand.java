package ai.zelto.app;

import ai.zelto.adapters.persistence.DatabaseMigrations;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import java.time.Clock;
import java.util.Optional;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code zelto audit verify}: checks the audit log's hash chain on the configured database; exits non-zero and
 * names the first broken entry when a row was edited, removed or the newest ones cut off.
 */
final class AuditCommand extends ConfiguredCommand<ZeltoConfiguration> {
    private final Application<ZeltoConfiguration> application;

    AuditCommand(Application<ZeltoConfiguration> application) {
        super("audit", "Check the audit log: audit verify");
        this.application = application;
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("verify").help("what to do");
        super.configure(subparser);
    }

    @Override
    protected void run(Bootstrap<ZeltoConfiguration> bootstrap, Namespace namespace, ZeltoConfiguration config)
            throws Exception {
        try (DatabaseTarget database = DatabaseTarget.open(config, true)) {
            ManagedDataSource dataSource = Databases.dataSourceFactory(database, config)
                    .build(bootstrap.getMetricRegistry(), "cli");
            try {
                DatabaseMigrations.migrate(Databases.unpooled(database));
                ZeltoCore core = new ZeltoCore(config, Jdbi.create(dataSource), ProviderPlugins.load(
                        application.getClass().getClassLoader(), config.pluginDirectory()), Clock.systemUTC());
                Optional<String> problem = core.audit.verifyAudit();
                if (problem.isPresent()) {
                    throw new IllegalStateException("audit log tampered with: " + problem.get());
                }
                System.out.println("Audit log intact: " + core.audit.auditEntries() + " entries, chain and head verified.");
            } finally {
                dataSource.stop();
            }
        }
    }
}
