package ai.zelto.app.wiring;

import ai.zelto.adapters.http.voice.LiveKitWebhookResource;
import ai.zelto.adapters.http.voice.VoiceSessionsResource;
import ai.zelto.adapters.livekit.LiveKitServerApi;
import ai.zelto.app.config.LiveKitSettings;
import ai.zelto.application.service.voice.LiveKitConnections;
import ai.zelto.application.service.voice.LiveKitWebhookService;
import ai.zelto.application.service.voice.VoiceSessionService;
import io.dropwizard.core.setup.Environment;

/**
 * Voice sessions on LiveKit: the operator's or each organization's LiveKit server, sessions started for a key's
 * user (or, from the console, a signed-in person), and LiveKit's webhooks that move them along.
 */
public final class VoiceWiring implements Feature {
    public final VoiceSessionService sessions;
    public final LiveKitWebhookService webhooks;
    public final LiveKitConnections connections;

    VoiceWiring(Foundation base, IntegrationWiring integrations, IngestWiring ingest) {
        LiveKitSettings settings = base.config.getLivekit();
        LiveKitServerApi liveKit = new LiveKitServerApi(settings.timeout());
        this.connections = new LiveKitConnections(settings.serverWide().orElse(null), integrations.integrations,
                base.config.getRecordings().outboundGuard());
        this.sessions = new VoiceSessionService(base.ports.agents(), base.ports.members(), base.ports.credits(),
                base.ports.voiceSessions(), connections, liveKit, base.clock, settings.getMaxActiveSessions());
        this.webhooks = new LiveKitWebhookService(liveKit, connections, base.ports.voiceSessions(),
                base.ports.phoneCalls(), ingest.accept,
                base.ports.unitOfWork(), base.clock);
    }

    @Override
    public void serve(Environment environment) {
        environment.jersey().register(new VoiceSessionsResource(sessions));
        environment.jersey().register(new LiveKitWebhookResource(webhooks));
    }
}
