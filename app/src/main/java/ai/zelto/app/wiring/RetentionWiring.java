package ai.zelto.app.wiring;

import ai.zelto.application.service.retention.EventRetention;
import io.dropwizard.core.setup.Environment;

/** Forgetting what is kept only for a while: old webhook events, once an hour while the server is up. */
public final class RetentionWiring implements Feature {
    private static final long SWEEP_SECONDS = 3_600;

    public final EventRetention events;

    RetentionWiring(Foundation base) {
        this.events = new EventRetention(base.ports.phoneCalls(), base.ports.voiceSessions(), base.clock);
    }

    @Override
    public void serve(Environment environment) {
        Sweeper.every(environment, "retention-sweep", SWEEP_SECONDS, events::forgetOld);
    }
}
