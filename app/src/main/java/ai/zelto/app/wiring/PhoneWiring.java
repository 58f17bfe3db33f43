package ai.zelto.app.wiring;

import ai.zelto.adapters.http.phone.PhoneCallsResource;
import ai.zelto.adapters.http.phone.TwilioWebhookResource;
import ai.zelto.adapters.http.phone.WhatsAppWebhookResource;
import ai.zelto.adapters.livekit.LiveKitConnectorApi;
import ai.zelto.adapters.livekit.LiveKitServerApi;
import ai.zelto.adapters.telephony.MetaCloudApi;
import ai.zelto.adapters.telephony.TwilioRestApi;
import ai.zelto.app.config.PhoneSettings;
import ai.zelto.application.service.phone.PhoneCallService;
import ai.zelto.application.service.phone.PhoneIntegrations;
import ai.zelto.application.service.phone.TwilioCalls;
import ai.zelto.application.service.phone.WhatsAppCalls;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Phone calls through LiveKit's Connector: WhatsApp (Meta's webhooks, acted on by a small pool after Meta has its
 * 200, and a sweep for what a stopped copy left) and Twilio (TwiML answered while Twilio waits; REST calls placed
 * and ended), and the calls as records.
 */
public final class PhoneWiring implements Feature {
    /** Calls acted on at once; more wait in the queue (each is a few requests of at most the timeout). */
    private static final int EVENT_THREADS = 8;
    private static final long SWEEP_SECONDS = 5;

    public final PhoneIntegrations integrations;
    public final PhoneCallService calls;
    public final WhatsAppCalls whatsApp;
    public final TwilioCalls twilio;
    private final ExecutorService events;

    PhoneWiring(Foundation base, IntegrationWiring integrationWiring, VoiceWiring voice) {
        PhoneSettings settings = base.config.getPhone();
        LiveKitConnectorApi connector = new LiveKitConnectorApi(settings.timeout());
        this.integrations = new PhoneIntegrations(integrationWiring.integrations);
        this.events = new ThreadPoolExecutor(EVENT_THREADS, EVENT_THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "whatsapp-events");
                    thread.setDaemon(true);
                    return thread;
                });
        this.calls = new PhoneCallService(base.ports.phoneCalls(), integrations, base.ports.agents(),
                base.ports.credits(), voice.connections, connector, new LiveKitServerApi(settings.timeout()),
                new TwilioRestApi(settings.getTwilioApiUrl(), settings.timeout()), base.clock);
        this.whatsApp = new WhatsAppCalls(integrationWiring.integrations, integrations, base.ports.phoneCalls(),
                base.ports.agents(), base.ports.credits(), voice.connections, connector,
                new MetaCloudApi(settings.getWhatsappGraphUrl(), settings.timeout()), events, base.clock,
                settings.dialWait());
        this.twilio = new TwilioCalls(integrationWiring.integrations, integrations, base.ports.phoneCalls(),
                base.ports.agents(), base.ports.credits(), voice.connections, connector, base.clock);
    }

    @Override
    public void serve(Environment environment) {
        environment.jersey().register(new PhoneCallsResource(calls));
        environment.jersey().register(new WhatsAppWebhookResource(whatsApp));
        environment.jersey().register(new TwilioWebhookResource(twilio));
        Sweeper.every(environment, "whatsapp-sweep", SWEEP_SECONDS, whatsApp::sweep);
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() throws InterruptedException {
                events.shutdown();
                events.awaitTermination(10, TimeUnit.SECONDS);
            }
        });
    }
}
