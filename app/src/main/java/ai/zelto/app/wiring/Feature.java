package ai.zelto.app.wiring;

import io.dropwizard.core.setup.Environment;

/**
 * One feature's wiring: its use cases built from the {@link Foundation} (and the features it needs), which the CLI
 * and tests use as they are, and what the server adds for it (resources, threads, health checks) in
 * {@link #serve}. A new feature is a new class like this, and a field and one line in {@link ZeltoCore}.
 */
public interface Feature {
    /** Registers what this feature serves or runs while the server is up. */
    void serve(Environment environment);
}
