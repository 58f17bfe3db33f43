package ai.zelto.app.wiring;

import ai.zelto.app.config.ZeltoConfiguration;
import ai.zelto.application.provider.ProviderRegistry;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Every feature wired on one database, for the server, the CLI and tests alike. Built by hand, in dependency
 * order; a new feature is one more line here.
 */
public final class ZeltoCore {
    public final Foundation base;
    public final AccessWiring access;
    public final IntegrationWiring integrations;
    public final RecordingWiring recordings;
    public final IngestWiring ingest;
    public final ReadWiring reads;

    public ZeltoCore(ZeltoConfiguration config, Jdbi jdbi, ProviderRegistry providers, Clock clock) {
        this.base = new Foundation(config, jdbi, providers, clock);
        this.access = new AccessWiring(base);
        this.integrations = new IntegrationWiring(base);
        this.recordings = new RecordingWiring(base);
        this.ingest = new IngestWiring(base, integrations, recordings);
        this.reads = new ReadWiring(base);
    }

    /** The features in the order they are built; the server serves them in this order. */
    public List<Feature> features() {
        return List.of(access, integrations, recordings, ingest, reads);
    }
}
