package ai.zelto.app.wiring;

import ai.zelto.app.config.ZeltoConfiguration;
import ai.zelto.application.provider.ProviderRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Every feature wired on one database, for the server, the CLI and tests alike. Built by hand, in dependency
 * order; a new feature is a field and one line here, which also lets the server serve it.
 */
public final class ZeltoCore {
    public final Foundation base;
    public final AccessWiring access;
    public final IntegrationWiring integrations;
    public final RecordingWiring recordings;
    public final IngestWiring ingest;
    public final ReadWiring reads;
    public final ConsoleWiring console;
    public final VoiceWiring voice;
    public final PhoneWiring phone;
    public final ChatWiring chat;
    public final McpWiring mcp;
    public final ReferenceWiring reference;
    public final RetentionWiring retention;
    private final List<Feature> features = new ArrayList<>();

    public ZeltoCore(ZeltoConfiguration config, Jdbi jdbi, ProviderRegistry providers, Clock clock) {
        this.base = new Foundation(config, jdbi, providers, clock);
        this.access = built(new AccessWiring(base));
        this.integrations = built(new IntegrationWiring(base));
        this.recordings = built(new RecordingWiring(base));
        this.ingest = built(new IngestWiring(base, integrations, recordings));
        this.reads = built(new ReadWiring(base));
        this.voice = built(new VoiceWiring(base, integrations, ingest));
        this.phone = built(new PhoneWiring(base, integrations, voice));
        this.chat = built(new ChatWiring(base, integrations, ingest));
        this.mcp = built(new McpWiring(base, access, reads));
        this.reference = built(new ReferenceWiring());
        this.retention = built(new RetentionWiring(base));
        this.console = built(new ConsoleWiring(base, access, integrations, reads, recordings, voice,
                phone, chat));
    }

    /** The features in the order they were built; the server serves them in this order. */
    public List<Feature> features() {
        return List.copyOf(features);
    }

    private <F extends Feature> F built(F feature) {
        features.add(feature);
        return feature;
    }
}
