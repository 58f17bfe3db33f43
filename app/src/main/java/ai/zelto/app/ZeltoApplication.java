package ai.zelto.app;

import ai.zelto.adapters.http.common.AccessLog;
import ai.zelto.adapters.http.common.RequestBodyLimit;
import ai.zelto.adapters.http.common.SecurityHeaders;
import ai.zelto.adapters.http.error.ErrorMapper;
import ai.zelto.adapters.http.servlet.JsonErrorHandler;
import ai.zelto.adapters.http.servlet.ServletHygiene;
import ai.zelto.adapters.persistence.DatabaseMigrations;
import ai.zelto.app.cli.AuditCommand;
import ai.zelto.app.cli.ConsoleOutput;
import ai.zelto.app.cli.KeysCommand;
import ai.zelto.app.cli.OrgsCommand;
import ai.zelto.app.cli.UsersCommand;
import ai.zelto.app.config.ZeltoConfiguration;
import ai.zelto.app.config.ZeltoConfigurationFactoryFactory;
import ai.zelto.app.db.DatabaseTarget;
import ai.zelto.app.db.Databases;
import ai.zelto.app.wiring.Feature;
import ai.zelto.app.wiring.ProviderPlugins;
import ai.zelto.app.wiring.ZeltoCore;
import ai.zelto.application.port.in.organization.CreateOrganizationCommand;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Zelto as a Dropwizard application. {@link #run} reads as the list of construction steps: the database, the
 * features ({@link ZeltoCore}), the HTTP edges, then each feature's share of the server.
 *
 * <p>Threads the server owns, and how each ends:
 * <ul>
 *   <li>{@code zelto-delivery-worker-N} and {@code zelto-job-worker-N} ({@code WorkerLoop}): started and stopped
 *       with the server; stopping waits for the batch or job in hand;</li>
 *   <li>{@code delivery-commit-N} (persistence {@code GroupCommit}): started by a write that finds no committer,
 *       ending two seconds after the last write, so a stopped server or a CLI command leaves none behind;</li>
 *   <li>{@code backlog-watch} ({@code IngestBackpressure}): started by an upload, ending two seconds after the
 *       last one, or at once when the server stops;</li>
 *   <li>{@code zelto-fetch-watchdog} ({@code SafeHttpRecordingFetcher}): one daemon thread per process that
 *       aborts downloads past their deadline; it ends with the process.</li>
 * </ul>
 * Jetty's and the connection pool's threads are Dropwizard's, and end with the server.
 */
public final class ZeltoApplication extends Application<ZeltoConfiguration> {
    private final Map<String, String> environmentVariables;

    /** For Dropwizard's test support: reads the process environment. */
    public ZeltoApplication() {
        this(System.getenv());
    }

    /** @param environmentVariables the variables that override the configuration (tests pass their own) */
    public ZeltoApplication(Map<String, String> environmentVariables) {
        this.environmentVariables = Map.copyOf(environmentVariables);
    }

    @Override
    public String getName() {
        return "zelto";
    }

    @Override
    public void initialize(Bootstrap<ZeltoConfiguration> bootstrap) {
        bootstrap.setConfigurationFactoryFactory(new ZeltoConfigurationFactoryFactory(environmentVariables));
        bootstrap.addCommand(new KeysCommand(this));
        bootstrap.addCommand(new OrgsCommand(this));
        bootstrap.addCommand(new AuditCommand(this));
        bootstrap.addCommand(new UsersCommand(this));
    }

    @Override
    public void run(ZeltoConfiguration config, Environment environment) {
        if (config.getServerFactory() instanceof DefaultServerFactory server) {
            // One exception mapper gives every error the contract's JSON shape.
            server.setRegisterDefaultExceptionMappers(false);
            withoutDefaultRequestLog(server);
        }
        DatabaseTarget database = DatabaseTarget.open(config, false);
        environment.lifecycle().manage(closing(database));
        ManagedDataSource dataSource = Databases.dataSourceFactory(database, config)
                .build(environment.metrics(), "database");
        DatabaseMigrations.migrate(Databases.unpooled(database));
        Jdbi jdbi = new JdbiFactory().build(environment, Databases.dataSourceFactory(database, config), dataSource,
                "database");
        ZeltoCore core = new ZeltoCore(config, jdbi, ProviderPlugins.load(getClass().getClassLoader(),
                config.pluginDirectory()), Clock.systemUTC());
        core.access.organizations.bootstrapIfEmpty(new CreateOrganizationCommand("Default",
                        config.getBootstrapApiKey(), "bootstrap"))
                .ifPresent(created -> ConsoleOutput.printFirstKey(created, config.getBootstrapApiKey() != null));
        core.console.people.prepareFirstOwner(config.getBootstrapOwnerEmail(), config.getBootstrapOwnerPassword())
                .ifPresent(link -> environment.lifecycle().addServerLifecycleListener(server ->
                        ConsoleOutput.printSetupLink(link, config.getPublicUrl(), server)));
        serveHttpEdges(environment);
        for (Feature feature : core.features()) {
            feature.serve(environment);
        }
    }

    /**
     * What every answer passes through, on both ports: error bodies, security headers, the access log, the cap on
     * request bodies.
     */
    private static void serveHttpEdges(Environment environment) {
        environment.admin().addFilter("hygiene", new ServletHygiene())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        environment.servlets().addFilter("hygiene", new ServletHygiene())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(new JsonErrorHandler()));
        environment.jersey().register(new ErrorMapper());
        environment.jersey().register(new AccessLog());
        environment.jersey().register(new SecurityHeaders());
        environment.jersey().register(new RequestBodyLimit());
    }

    /**
     * Dropwizard's default request log prints request lines unchanged, hook URL secrets included; Zelto's own
     * access log ({@code ai.zelto.access}) masks them. A request log the operator configured is kept.
     */
    private static void withoutDefaultRequestLog(DefaultServerFactory server) {
        if (server.getRequestLogFactory() instanceof LogbackAccessRequestLogFactory requestLog
                && requestLog.getAppenders().size() == 1
                && requestLog.getAppenders().get(0) instanceof ConsoleAppenderFactory<?> console
                && console.getLogFormat() == null) {
            requestLog.setAppenders(List.of());
        }
    }

    private static Managed closing(AutoCloseable resource) {
        return new Managed() {
            @Override
            public void stop() throws Exception {
                resource.close();
            }
        };
    }
}
