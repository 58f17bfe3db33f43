package ai.zelto.app.wiring;

import ai.zelto.adapters.http.integration.IntegrationsResource;
import ai.zelto.application.provider.BuiltInSettings;
import ai.zelto.application.service.chat.ModelConnections;
import ai.zelto.application.service.integration.IntegrationService;
import ai.zelto.application.service.phone.PhoneIntegrations;
import ai.zelto.application.service.voice.LiveKitConnections;
import io.dropwizard.core.setup.Environment;
import java.util.List;

/** Provider integrations: their settings (secrets encrypted at rest), hook URLs and statistics. */
public final class IntegrationWiring implements Feature {
    public final IntegrationService integrations;

    IntegrationWiring(Foundation base) {
        // built-in integrations declare their settings here, as provider plugins declare theirs
        List<BuiltInSettings> builtIn = List.of(
                LiveKitConnections.settings(base.config.getRecordings().outboundGuard()),
                ModelConnections.settings(base.config.getRecordings().outboundGuard()),
                PhoneIntegrations.whatsAppSettings(base.ports.agents()),
                PhoneIntegrations.twilioSettings(base.ports.agents()));
        this.integrations = new IntegrationService(base.providers, builtIn, base.ports.integrationSettings(),
                base.ports.integrations(), base.cipher, base.audit, base.ports.unitOfWork(), base.random, base.clock,
                base.config.getPublicUrl());
    }

    @Override
    public void serve(Environment environment) {
        environment.jersey().register(new IntegrationsResource(integrations, integrations, integrations));
    }
}
