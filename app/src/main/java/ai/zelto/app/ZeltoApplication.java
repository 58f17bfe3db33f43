package ai.zelto.app;

import ai.zelto.adapters.http.agent.AgentsResource;
import ai.zelto.adapters.http.apikey.KeysResource;
import ai.zelto.adapters.http.audit.AuditResource;
import ai.zelto.adapters.http.auth.ApiKeyAuth;
import ai.zelto.adapters.http.auth.RateLimit;
import ai.zelto.adapters.http.common.AccessLog;
import ai.zelto.adapters.http.common.SecurityHeaders;
import ai.zelto.adapters.http.conversation.AudioUploadResource;
import ai.zelto.adapters.http.conversation.ConversationsResource;
import ai.zelto.adapters.http.conversation.RecordingResource;
import ai.zelto.adapters.http.credit.CreditsResource;
import ai.zelto.adapters.http.delivery.DeliveriesResource;
import ai.zelto.adapters.http.error.ErrorMapper;
import ai.zelto.adapters.http.ingest.IngestMemoryBudget;
import ai.zelto.adapters.http.ingest.WebhookResource;
import ai.zelto.adapters.http.integration.IntegrationsResource;
import ai.zelto.adapters.persistence.DatabaseMigrations;
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
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Zelto as a Dropwizard application. {@link #run} reads as the list of construction steps. */
public final class ZeltoApplication extends Application<ZeltoConfiguration> {
    /** How long a webhook body waits for room in the memory budget before it is answered 503. */
    private static final java.time.Duration INGEST_MEMORY_WAIT = java.time.Duration.ofSeconds(5);
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
        ZeltoCore core = new ZeltoCore(config, jdbi, ProviderPlugins.load(getClass().getClassLoader(), config.pluginDirectory()),
                Clock.systemUTC());
        core.organizations.bootstrapIfEmpty(new CreateOrganizationCommand("Default", config.getBootstrapApiKey(),
                        "bootstrap"))
                .ifPresent(created -> ConsoleOutput.printFirstKey(created, config.getBootstrapApiKey() != null));
        environment.lifecycle().manage(new Managed() {
            @Override
            public void start() {
                core.worker.start();
                core.jobWorker.start();
            }

            @Override
            public void stop() throws InterruptedException {
                core.backpressure.stop();
                core.jobWorker.stop();
                core.worker.stop();
            }
        });
        environment.healthChecks().register("deliveryBacklog", new DeliveryBacklogHealthCheck(core.ports.deliveries(),
                config.getWorker().getMaxBacklogAgeSeconds(), Clock.systemUTC()));
        environment.admin().addFilter("hygiene", new ServletHygiene())
                .addMappingForUrlPatterns(java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST), true, "/*");
        environment.servlets().addFilter("hygiene", new ServletHygiene())
                .addMappingForUrlPatterns(java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST), true, "/*");
        environment.jersey().register(new ErrorMapper());
        environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(new JsonErrorHandler()));
        environment.jersey().register(new AccessLog());
        environment.jersey().register(new SecurityHeaders());
        environment.jersey().register(new RateLimit(config.getRateLimitPerSecond(), config.getRateLimitBurst()));
        for (Object component : ApiKeyAuth.components(core.apiKeys)) {
            environment.jersey().register(component);
        }
        long ingestMemory = config.getIngestMemoryBytes() > 0 ? config.getIngestMemoryBytes()
                : IngestMemoryBudget.defaultCapacity(Runtime.getRuntime().maxMemory());
        environment.jersey().register(new WebhookResource(core.accept, core.integrations, config.getMaxBodyBytes(),
                java.time.Duration.ofSeconds(config.getBodyReadTimeoutSeconds()),
                new IngestMemoryBudget(ingestMemory, config.getMaxBodyBytes(), INGEST_MEMORY_WAIT)));
        environment.jersey().register(new ConversationsResource(core.reads, core.reads));
        environment.jersey().register(new RecordingResource(core.playback));
        AudioUploadResource.requiredFeatures().forEach(environment.jersey()::register);
        environment.jersey().register(new AudioUploadResource(core.acceptAudio,
                config.getTranscriber().getMaxUploadBytes()));
        environment.jersey().register(new AgentsResource(core.reads, core.reads));
        environment.jersey().register(new DeliveriesResource(core.reads));
        environment.jersey().register(new IntegrationsResource(core.integrations, core.integrations,
                core.integrations));
        environment.jersey().register(new CreditsResource(core.reads));
        environment.jersey().register(new AuditResource(core.audit));
        environment.jersey().register(new KeysResource(core.apiKeys, core.apiKeys));
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
